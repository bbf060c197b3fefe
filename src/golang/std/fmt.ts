/**
 * Package fmt: printing (Print*, Sprint*, Fprint*), Errorf with %w, Sscan/Sscanf, Stringer.
 *
 * The formatting itself is rt/format.ts (`$L.sprint` / `$L.sprintf`, driven by type descriptors and
 * shared with the builtin print); this module is fmt's entry points: Print* to stdout is one
 * write(2) (the op K.Write, as Go's Fprintf to os.Stdout makes one write), Fprint* calls the
 * writer's Write method, Errorf keeps the %w operand for errors.Unwrap.
 *
 * Simplified: Sscanf knows %d %s %f %v separated by spaces; Errorf's result is an
 * *errors.errorString (Go: *fmt.wrapError when %w is used).
 */
import { K, type Op } from '../../workload/ops.js';
import { type Type, newNamed, tInt, tString } from '../types.js';
import { tError } from '../core.js';
import { type ErrorString, newError } from './errors.js';
import { tWriter, writeString } from './io.js';
import { pkg, F, T, fn, arr, vAny } from './registry.js';
import { sprintf } from '../rt/format.js';
import { decodeUTF8 } from '../rt/strings.js';
import type { Iface, Ref } from '../rt/values.js';

type Go<T = void> = Generator<Op, T, unknown>;

/** fmt.Print* to stdout (fd 1): one write(2); results (n, err). */
export function* print(fd: number, s: string): Go<[number, Iface | null]> {
  yield { k: K.Write, fd, text: decodeUTF8(s) };
  return [s.length, null];
}
/** fmt.Fprint* to an io.Writer: its Write method with the formatted bytes. */
export function* fprint(w: Iface | null, s: string): Go<[number, Iface | null]> {
  return yield* writeString(w, s);
}

/** fmt.Errorf: the message with %w printed as %v, and the %w operand kept for errors.Unwrap. */
export function Errorf(format: string, args: (Iface | null)[]): Iface {
  let wrapped: Iface | null = null;
  const i = format.indexOf('%w');
  if (i >= 0) {
    // the argument index of %w: count verbs before it
    const before = format.slice(0, i).replace(/%%/g, '').match(/%[^a-zA-Z%]*[a-zA-Z]/g);
    wrapped = args[before ? before.length : 0] ?? null;
  }
  const e = newError(sprintf(format.replace(/%w/g, '%v'), args));
  (e.v as ErrorString & { unwrap?: Iface | null }).unwrap = wrapped;
  return e;
}

/** fmt.Sscanf with %d %s %f %v verbs separated by spaces (or fmt.Sscan when format is null). */
export function Sscanf(str: string, format: string | null, ptrs: (Iface | null)[]): [number, Iface | null] {
  const toks = str.trim().split(/\s+/).filter((t) => t !== '');
  const verbs = format === null ? ptrs.map(() => 'v') : (format.match(/%[a-z]/g) ?? []).map((v) => v[1]!);
  let n = 0;
  for (let i = 0; i < ptrs.length; i++) {
    const p = ptrs[i];
    const tok = toks[i];
    if (tok === undefined) return [n, newError(i === 0 ? 'EOF' : 'unexpected EOF')];
    if (!p) return [n, newError("can't scan type")];
    const ref = p.v as Ref;
    const v = verbs[i] ?? 'v';
    const elem = (p.t as { elem?: Type }).elem;
    const u = elem ? (elem as { k: string; name?: string; under?: Type }) : null;
    const kind = u && u.k === 'named' ? (u.under as { name?: string }).name : u?.name;
    if (v === 's' || kind === 'string') ref.v = tok;
    else if (kind === 'float64' || kind === 'float32' || v === 'f') {
      const x = Number(tok);
      if (Number.isNaN(x)) return [n, newError('strconv.ParseFloat: parsing ' + JSON.stringify(tok) + ': invalid syntax')];
      ref.v = x;
    } else {
      if (!/^[+-]?\d+$/.test(tok)) return [n, newError('expected integer')];
      ref.v = Number(tok);
    }
    n++;
  }
  return [n, null];
}

export const tStringer = newNamed('Stringer', 'fmt', { k: 'iface', methods: new Map([['String', fn([], [tString])]]) });

const IE = [tInt, tError];
const std = (text: string): string => `(yield* $P.fmt.print(1, ${text}))`;
const to = (w: string, text: string): string => `(yield* $P.fmt.fprint(${w}, ${text}))`;
pkg(
  'fmt',
  {
    Println: F(fn([vAny], IE, true), (a) => std(`$L.sprint(${arr(a[0]!)}, true)`)),
    Print: F(fn([vAny], IE, true), (a) => std(`$L.sprint(${arr(a[0]!)}, false)`)),
    Printf: F(fn([tString, vAny], IE, true), (a) => std(`$L.sprintf(${a[0]}, ${arr(a[1]!)})`)),
    Sprintf: F(fn([tString, vAny], [tString], true), (a) => `$L.sprintf(${a[0]}, ${arr(a[1]!)})`),
    Sprint: F(fn([vAny], [tString], true), (a) => `$L.sprint(${arr(a[0]!)}, false)`),
    Sprintln: F(fn([vAny], [tString], true), (a) => `$L.sprint(${arr(a[0]!)}, true)`),
    Errorf: F(fn([tString, vAny], [tError], true), (a) => `$P.fmt.Errorf(${a[0]}, ${arr(a[1]!)})`),
    Fprintln: F(fn([tWriter, vAny], IE, true), (a) => to(a[0]!, `$L.sprint(${arr(a[1]!)}, true)`)),
    Fprintf: F(fn([tWriter, tString, vAny], IE, true), (a) => to(a[0]!, `$L.sprintf(${a[1]}, ${arr(a[2]!)})`)),
    Fprint: F(fn([tWriter, vAny], IE, true), (a) => to(a[0]!, `$L.sprint(${arr(a[1]!)}, false)`)),
    Stringer: T(tStringer),
    Sscanf: F(fn([tString, tString, vAny], [tInt, tError], true), (a) => `$P.fmt.Sscanf(${a[0]}, ${a[1]}, ${arr(a[2]!)})`),
    Sscan: F(fn([tString, vAny], [tInt, tError], true), (a) => `$P.fmt.Sscanf(${a[0]}, null, ${arr(a[1]!)})`),
  },
  true,
);
