/**
 * Package flag: command-line flags as go1.19's and go1.26's flag.go parse and print them — the
 * CommandLine FlagSet over os.Args[1:], NewFlagSet, the Bool/Int/Int64/Uint/Uint64/String/Float64/
 * Duration flags and their Var forms, Parse (parseOne: `-x`, `--x`, `-x=v`, `-x v`, a bool flag takes
 * no separate value, `--` ends the flags, the first non-flag stops), Args/NArg/Arg/NFlag/Parsed/Set/
 * Lookup-free PrintDefaults, and the package variable Usage.
 *
 * Errors are Go's texts (`flag provided but not defined: -x`, `invalid value "abc" for flag -n: parse
 * error`, `flag needs an argument: -n`, `bad flag syntax: ---x`), written to stderr with the usage
 * (`Usage of <os.Args[0]>:` and PrintDefaults' layout: `  -n int` then `    \tusage (default 3)`; a
 * one-letter bool flag on one line); ExitOnError exits 2 (0 for -h/-help), ContinueOnError returns
 * the error, PanicOnError panics with it.
 *
 * Run state (CommandLine, the Usage variable) lives in the run's Process (`flagState`), never in
 * this module. Values are the frontend's: ints exact (rt/integers.ts: a bigint beyond 2^53), strings
 * byte strings, a Duration its ns.
 *
 * Simplified: no flag.Value interface (Var, Func, TextVar), no SetOutput (output goes to stderr), no
 * Visit/VisitAll/Lookup.
 */
import { K, type Op } from '../../workload/ops.js';
import { type Type, basic, tBool, tFloat64, tInt, tInt64, tString } from '../types.js';
import type { PkgMember } from '../core.js';
import { tError } from '../core.js';
import { pkg, F, C, V, T, fn, ptr, sl, native, method, tUint64, subset } from './registry.js';
import { newError } from './errors.js';
import { tDuration, durationString, parseDuration } from './time.js';
import type { Process } from './process.js';
import { Box, type Iface, type Ref } from '../rt/values.js';
import { type Slice, reslice, sliceLit } from '../rt/slices.js';
import { decodeUTF8 } from '../rt/strings.js';
import { gopanic } from '../rt/panicval.js';
import { FormatFloat, Quote } from './strconv.js';
import { w64, wu64 } from '../rt/integers.js';

type Go<T = void> = Generator<Op, T, unknown>;
/** A Go func() value as the generated code makes it: a generator function. */
type GoFuncValue = (() => Go<unknown>) | null;

/** flag.ErrorHandling (flag.go). */
export const ContinueOnError = 0;
export const ExitOnError = 1;
export const PanicOnError = 2;

/** The flag kinds this package defines: what Set parses, what String prints, UnquoteUsage's type name. */
type Kind = 'bool' | 'int' | 'int64' | 'uint' | 'uint64' | 'string' | 'float64' | 'duration';
const typeName: Record<Kind, string> = { bool: '', int: 'int', int64: 'int', uint: 'uint', uint64: 'uint', string: 'string', float64: 'float', duration: 'duration' };

interface FlagDef {
  name: string;
  usage: string;
  kind: Kind;
  ref: Ref;
  /** The default as its String() prints it. */
  defValue: string;
}

/** flag.go's errors: ErrHelp, and the errParse / errRange a Set reports. */
export const ErrHelp: Iface = newError('flag: help requested');
const errParse = 'parse error';
const errRange = 'value out of range';

/** A value's String() as flag.go's Value types print it. */
function show(kind: Kind, v: unknown): string {
  switch (kind) {
    case 'bool':
      return v ? 'true' : 'false';
    case 'string':
      return v as string;
    case 'float64':
      return FormatFloat(v as number, 'g'.charCodeAt(0), -1);
    case 'duration':
      return durationString(v as number);
    default:
      return String(v);
  }
}

/**
 * A value's Set result: the value flag.go stores — it assigns whatever strconv returned, also on an
 * error (0 for a syntax error, the clamped bound for a range error) — and the error text, or null.
 */
type Parsed = [unknown, string | null];

/** strconv.ParseInt/ParseUint(s, 0, 64) as intValue/uintValue.Set call them. */
function parseInteger(s: string, unsigned: boolean): Parsed {
  let t = s;
  let neg = false;
  if (t[0] === '+' || t[0] === '-') {
    // ParseUint takes no sign; ParseInt one
    if (unsigned) return [0, errParse];
    neg = t[0] === '-';
    t = t.slice(1);
  }
  let base = 10;
  let digits = t;
  let prefixed = false;
  if (/^0[xX]/.test(t)) [base, digits, prefixed] = [16, t.slice(2), true];
  else if (/^0[bB]/.test(t)) [base, digits, prefixed] = [2, t.slice(2), true];
  else if (/^0[oO]/.test(t)) [base, digits, prefixed] = [8, t.slice(2), true];
  else if (t.length > 1 && t[0] === '0') [base, digits, prefixed] = [8, t.slice(1), true];
  // base 0 allows underscores between digits, or right after a base prefix (strconv's underscoreOK)
  if (digits.includes('_')) {
    if (!(prefixed ? /^_?[0-9a-zA-Z]+(_[0-9a-zA-Z]+)*$/ : /^[0-9a-zA-Z]+(_[0-9a-zA-Z]+)*$/).test(digits)) return [0, errParse];
    digits = digits.replace(/_/g, '');
  }
  const valid = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/ }[base as 2 | 8 | 10 | 16];
  if (digits === '' || !valid.test(digits)) return [0, errParse];
  const big = BigInt(base === 10 ? digits : `${{ 2: '0b', 8: '0o', 16: '0x' }[base as 2 | 8 | 16]}${digits}`);
  const v = neg ? -big : big;
  if (unsigned && v > 18446744073709551615n) return [wu64(18446744073709551615n), errRange];
  if (!unsigned && v > 9223372036854775807n) return [w64(9223372036854775807n), errRange];
  if (!unsigned && v < -9223372036854775808n) return [w64(-9223372036854775808n), errRange];
  return [unsigned ? wu64(v) : w64(v), null];
}

/** strconv.ParseBool as boolValue.Set calls it (false on an error). */
function parseBool(s: string): Parsed {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return [true, null];
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return [false, null];
  return [false, errParse];
}

/** strconv.ParseFloat(s, 64) as float64Value.Set calls it (±Inf on a range error). */
function parseFloat64(s: string): Parsed {
  const t = s.replace(/_/g, '');
  if (/^[+-]?(inf|infinity)$/i.test(t)) return [t[0] === '-' ? -Infinity : Infinity, null];
  if (/^[+-]?nan$/i.test(t)) return [NaN, null];
  if (!/^[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?|0[xX][0-9a-fA-F]*\.?[0-9a-fA-F]*[pP][+-]?\d+)$/.test(t)) return [0, errParse];
  let v: number;
  if (/0[xX]/.test(t)) {
    const m = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?\d+)$/.exec(t)!;
    const mant = parseInt((m[2] || '0') + (m[3] || ''), 16) / Math.pow(16, (m[3] ?? '').length);
    v = (m[1] === '-' ? -1 : 1) * mant * Math.pow(2, Number(m[4]));
  } else v = Number(t);
  return Number.isFinite(v) ? [v, null] : [v, errRange];
}

/** A value's Set: what it stores and the error flag.go reports. */
function parseValue(kind: Kind, s: string): Parsed {
  switch (kind) {
    case 'bool':
      return parseBool(s);
    case 'int':
    case 'int64':
      return parseInteger(s, false);
    case 'uint':
    case 'uint64':
      return parseInteger(s, true);
    case 'string':
      return [s, null];
    case 'float64':
      return parseFloat64(s);
    case 'duration': {
      const d = parseDuration(s);
      return typeof d === 'number' ? [d, null] : [0, errParse];
    }
  }
}

/** A flag.FlagSet. `name` and every string are byte strings (the frontend's representation). */
export class FlagSet {
  /** The FlagSet's Usage field: a func() the program set, else null (the default usage). */
  Usage: GoFuncValue = null;
  readonly formal = new Map<string, FlagDef>();
  readonly actual = new Map<string, FlagDef>();
  args: Slice | null = null;
  parsed = false;
  /** CommandLine's usage is the package variable Usage (flag.go commandLineUsage). */
  commandLine: FlagState | null = null;
  constructor(
    public name: string,
    public errorHandling: number,
  ) {}

  /** flag.go Var: a second flag of one name prints the message to the output, then panics with it. */
  *define(kind: Kind, ref: Ref, name: string, value: unknown, usage: string): Go<Ref> {
    if (this.formal.has(name)) {
      const msg = this.name === '' ? `flag redefined: ${name}` : `${this.name} flag redefined: ${name}`;
      yield { k: K.Write, fd: 2, text: decodeUTF8(msg + '\n') };
      gopanic({ t: tString, v: msg });
    }
    ref.v = value;
    this.formal.set(name, { name, usage, kind, ref, defValue: show(kind, value) });
    return ref;
  }
  *Bool(name: string, value: boolean, usage: string): Go<Ref> {
    return yield* this.define('bool', new Box(false), name, value, usage);
  }
  *Int(name: string, value: number, usage: string): Go<Ref> {
    return yield* this.define('int', new Box(0), name, value, usage);
  }
  *Int64(name: string, value: number, usage: string): Go<Ref> {
    return yield* this.define('int64', new Box(0), name, value, usage);
  }
  *Uint(name: string, value: number, usage: string): Go<Ref> {
    return yield* this.define('uint', new Box(0), name, value, usage);
  }
  *Uint64(name: string, value: number, usage: string): Go<Ref> {
    return yield* this.define('uint64', new Box(0), name, value, usage);
  }
  *String(name: string, value: string, usage: string): Go<Ref> {
    return yield* this.define('string', new Box(''), name, value, usage);
  }
  *Float64(name: string, value: number, usage: string): Go<Ref> {
    return yield* this.define('float64', new Box(0), name, value, usage);
  }
  *Duration(name: string, value: number, usage: string): Go<Ref> {
    return yield* this.define('duration', new Box(0), name, value, usage);
  }
  *BoolVar(p: Ref, name: string, value: boolean, usage: string): Go {
    yield* this.define('bool', p, name, value, usage);
  }
  *IntVar(p: Ref, name: string, value: number, usage: string): Go {
    yield* this.define('int', p, name, value, usage);
  }
  *Int64Var(p: Ref, name: string, value: number, usage: string): Go {
    yield* this.define('int64', p, name, value, usage);
  }
  *UintVar(p: Ref, name: string, value: number, usage: string): Go {
    yield* this.define('uint', p, name, value, usage);
  }
  *Uint64Var(p: Ref, name: string, value: number, usage: string): Go {
    yield* this.define('uint64', p, name, value, usage);
  }
  *StringVar(p: Ref, name: string, value: string, usage: string): Go {
    yield* this.define('string', p, name, value, usage);
  }
  *Float64Var(p: Ref, name: string, value: number, usage: string): Go {
    yield* this.define('float64', p, name, value, usage);
  }
  *DurationVar(p: Ref, name: string, value: number, usage: string): Go {
    yield* this.define('duration', p, name, value, usage);
  }

  /** PrintDefaults' text (flag.go), flags in name order. */
  defaults(): string {
    let out = '';
    for (const name of [...this.formal.keys()].sort()) {
      const f = this.formal.get(name)!;
      let b = `  -${f.name}`;
      let usage = f.usage;
      // UnquoteUsage: a `name` in back quotes names the value
      let vname = typeName[f.kind];
      const i = usage.indexOf('`');
      const j = i < 0 ? -1 : usage.indexOf('`', i + 1);
      if (j > 0) {
        vname = usage.slice(i + 1, j);
        usage = usage.slice(0, i) + vname + usage.slice(j + 1);
      }
      if (vname.length > 0) b += ' ' + vname;
      b += b.length <= 4 ? '\t' : '\n    \t';
      b += usage.replace(/\n/g, '\n    \t');
      if (f.defValue !== show(f.kind, f.kind === 'string' ? '' : f.kind === 'bool' ? false : 0)) {
        b += f.kind === 'string' ? ` (default ${Quote(f.defValue)})` : ` (default ${f.defValue})`;
      }
      out += b + '\n';
    }
    return out;
  }
  *PrintDefaults(): Go {
    yield { k: K.Write, fd: 2, text: decodeUTF8(this.defaults()) };
  }
  /** f.usage(): the Usage func if set (CommandLine: the package variable), else the default. */
  *usage(): Go {
    const u = this.commandLine !== null ? this.commandLine.Usage : this.Usage;
    if (u !== null) yield* u();
    else yield* this.defaultUsage();
  }
  /** flag.go defaultUsage (and commandLineUsage, whose name is os.Args[0]). */
  *defaultUsage(): Go {
    const head = this.name === '' ? 'Usage:\n' : `Usage of ${this.name}:\n`;
    yield { k: K.Write, fd: 2, text: decodeUTF8(head + this.defaults()) };
  }
  /** failf: the message and the usage on the output, and the message as an error. */
  private *failf(msg: string): Go<Iface> {
    yield { k: K.Write, fd: 2, text: decodeUTF8(msg + '\n') };
    yield* this.usage();
    return newError(msg);
  }

  /** parseOne: [a flag was seen, the error]. */
  private *parseOne(): Go<[boolean, Iface | null]> {
    const a = this.args;
    if (a === null || a.n === 0) return [false, null];
    const s = a.a[a.o] as string;
    if (s.length < 2 || s[0] !== '-') return [false, null];
    let minuses = 1;
    if (s[1] === '-') {
      minuses++;
      if (s.length === 2) {
        this.args = tail(a);
        return [false, null];
      }
    }
    let name = s.slice(minuses);
    if (name.length === 0 || name[0] === '-' || name[0] === '=') return [false, yield* this.failf(`bad flag syntax: ${s}`)];
    this.args = tail(a);
    let hasValue = false;
    let value = '';
    const eq = name.indexOf('=', 1);
    if (eq > 0) {
      value = name.slice(eq + 1);
      hasValue = true;
      name = name.slice(0, eq);
    }
    const f = this.formal.get(name);
    if (f === undefined) {
      if (name === 'help' || name === 'h') {
        yield* this.usage();
        return [false, ErrHelp];
      }
      return [false, yield* this.failf(`flag provided but not defined: -${name}`)];
    }
    if (f.kind === 'bool') {
      const [v, err] = parseBool(hasValue ? value : 'true');
      f.ref.v = v;
      if (err !== null) return [false, yield* this.failf(hasValue ? `invalid boolean value ${Quote(value)} for -${name}: ${err}` : `invalid boolean flag ${name}: ${err}`)];
    } else {
      const rest = this.args;
      if (!hasValue && rest !== null && rest.n > 0) {
        hasValue = true;
        value = rest.a[rest.o] as string;
        this.args = tail(rest);
      }
      if (!hasValue) return [false, yield* this.failf(`flag needs an argument: -${name}`)];
      const [v, err] = parseValue(f.kind, value);
      f.ref.v = v;
      if (err !== null) return [false, yield* this.failf(`invalid value ${Quote(value)} for flag -${name}: ${err}`)];
    }
    this.actual.set(name, f);
    return [true, null];
  }

  *Parse(args: Slice | null): Go<Iface | null> {
    this.parsed = true;
    this.args = args;
    for (;;) {
      const [seen, err] = yield* this.parseOne();
      if (seen) continue;
      if (err === null) break;
      switch (this.errorHandling) {
        case ContinueOnError:
          return err;
        case ExitOnError:
          yield { k: K.Exit, code: err === ErrHelp ? 0 : 2 };
          return err;
        default:
          gopanic(err);
      }
    }
    return null;
  }
  Parsed(): boolean {
    return this.parsed;
  }
  Args(): Slice | null {
    return this.args === null ? sliceLit([]) : this.args;
  }
  NArg(): number {
    return this.args === null ? 0 : this.args.n;
  }
  Arg(i: number): string {
    const a = this.args;
    return a === null || i < 0 || i >= a.n ? '' : (a.a[a.o + i] as string);
  }
  NFlag(): number {
    return this.actual.size;
  }
  Name(): string {
    return this.name;
  }
  /** f.Set(name, value): as parseOne sets a flag, the error instead of a message. */
  Set(name: string, value: string): Iface | null {
    const f = this.formal.get(name);
    if (f === undefined) return newError(`no such flag -${name}`);
    const [v, err] = parseValue(f.kind, value);
    f.ref.v = v;
    if (err !== null) return newError(err);
    this.actual.set(name, f);
    return null;
  }
}

/** s[1:] (s non-empty). */
const tail = (s: Slice): Slice => reslice(s, 1, -1, -1)!;

/** The run's flag package state: CommandLine over os.Args, and the package variable Usage. */
export class FlagState {
  readonly CommandLine: FlagSet;
  /** The package variable flag.Usage: its default prints CommandLine's usage. */
  Usage: GoFuncValue;
  constructor(p: Process) {
    this.CommandLine = new FlagSet(p.args.a[p.args.o] as string, ExitOnError);
    this.CommandLine.commandLine = this;
    const cl = this.CommandLine;
    this.Usage = () => cl.defaultUsage();
  }
}
export function state(p: Process): FlagState {
  return (p.flagState ??= new FlagState(p)) as FlagState;
}
/** flag.Parse(): CommandLine over os.Args[1:]. */
export function* parseCommandLine(p: Process): Go {
  const a = p.args;
  yield* state(p).CommandLine.Parse(tail(a));
}

export const tFlagSet = native('FlagSet', 'flag', '$P.flag.FlagSet', { k: 'struct', fields: [{ name: 'Usage', type: fn([]), embedded: false, js: 'Usage' }] });
export const tErrorHandling = native('ErrorHandling', 'flag', null, tInt);
const tUint = basic('uint');
const defs: [string, Type][] = [
  ['Bool', tBool],
  ['Int', tInt],
  ['Int64', tInt64],
  ['Uint', tUint],
  ['Uint64', tUint64],
  ['String', tString],
  ['Float64', tFloat64],
  ['Duration', tDuration],
];
for (const [m, t] of defs) {
  method(tFlagSet, m, fn([tString, t, tString], [ptr(t)]), true);
  method(tFlagSet, `${m}Var`, fn([ptr(t), tString, t, tString]), true);
}
method(tFlagSet, 'Parse', fn([sl(tString)], [tError]), true);
method(tFlagSet, 'PrintDefaults', fn([]), true);
for (const [m, sig] of [
  ['Parsed', fn([], [tBool])],
  ['Args', fn([], [sl(tString)])],
  ['NArg', fn([], [tInt])],
  ['Arg', fn([tInt], [tString])],
  ['NFlag', fn([], [tInt])],
  ['Name', fn([], [tString])],
  ['Set', fn([tString, tString], [tError])],
] as const)
  method(tFlagSet, m, sig, false);

const cl = '$P.flag.state($proc).CommandLine';
const members: Record<string, PkgMember> = {
  FlagSet: T(tFlagSet),
  ErrorHandling: T(tErrorHandling),
  ContinueOnError: C(tErrorHandling, ContinueOnError),
  ExitOnError: C(tErrorHandling, ExitOnError),
  PanicOnError: C(tErrorHandling, PanicOnError),
  ErrHelp: V(tError, '$P.flag.ErrHelp'),
  CommandLine: V(ptr(tFlagSet), cl),
  Usage: V(fn([]), '$P.flag.state($proc).Usage'),
  NewFlagSet: F(fn([tString, tErrorHandling], [ptr(tFlagSet)]), (a) => `new $P.flag.FlagSet(${a[0]}, ${a[1]})`),
  Parse: F(fn([]), () => `(yield* $P.flag.parseCommandLine($proc))`),
  Parsed: F(fn([], [tBool]), () => `${cl}.Parsed()`),
  Args: F(fn([], [sl(tString)]), () => `${cl}.Args()`),
  NArg: F(fn([], [tInt]), () => `${cl}.NArg()`),
  Arg: F(fn([tInt], [tString]), (a) => `${cl}.Arg(${a[0]})`),
  NFlag: F(fn([], [tInt]), () => `${cl}.NFlag()`),
  Set: F(fn([tString, tString], [tError]), (a) => `${cl}.Set(${a[0]}, ${a[1]})`),
  PrintDefaults: F(fn([]), () => `(yield* ${cl}.PrintDefaults())`),
  $unsupported: subset(),
};
for (const [m, t] of defs) {
  members[m] = F(fn([tString, t, tString], [ptr(t)]), (a) => `(yield* ${cl}.${m}(${a[0]}, ${a[1]}, ${a[2]}))`);
  members[`${m}Var`] = F(fn([ptr(t), tString, t, tString]), (a) => `(yield* ${cl}.${m}Var(${a[0]}, ${a[1]}, ${a[2]}, ${a[3]}))`);
}
pkg('flag', members);
