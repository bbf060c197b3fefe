/**
 * Run-time code of fmt's printing to writers, io's ReadAll/ReadFull and os/signal.Notify (`$P.*`),
 * for the packages not yet in std/.
 */
import { K, type Op } from '../workload/ops.js';
import { Chan } from '../runtime/chan.js';
import * as lib from './lib.js';
import { Slice, type Iface } from './lib.js';
import type { Type } from './types.js';
import { EOF, newError, ErrorString, setErrType, initEOF } from './pkgrt.js';
import type { Process } from './std/process.js';
import { Body } from './rt.js';
import { callSync } from './rt.js';

type Go<T = void> = Generator<Op, T, unknown>;

export const sigint = { t: null as unknown as Type, v: 2 };

/** fmt.Print* to stdout: a write(2); results (n, err). */
export function* pw(fd: number, s: string): Go<[number, Iface | null]> {
  yield { k: K.Write, fd, text: lib.decodeUTF8(s) };
  return [s.length, null];
}
/** fmt.Fprint* to an io.Writer value. */
export function* fwrite(w: Iface | null, s: string): Go<[number, Iface | null]> {
  if (w === null) lib.nilDeref();
  const tab = (w.t as unknown as { $m: Record<string, (...a: unknown[]) => Go<unknown>> }).$m;
  return (yield* tab.Write!(w.v, lib.stringToBytes(s))) as [number, Iface | null];
}
function* readAny(r: Iface | null, b: Slice): Go<[number, Iface | null]> {
  if (r === null) lib.nilDeref();
  const tab = (r.t as unknown as { $m: Record<string, (...a: unknown[]) => Go<unknown>> }).$m;
  return (yield* tab.Read!(r.v, b)) as [number, Iface | null];
}
export function* readAll(r: Iface | null): Go<[Slice | null, Iface | null]> {
  let out = '';
  for (;;) {
    const b = lib.makeSlice(512, 512, () => 0);
    const [n, err] = yield* readAny(r, b);
    out += lib.bytesToString(lib.reslice(b, 0, n, -1));
    if (err !== null) return [lib.stringToBytes(out), err === EOF ? null : err];
  }
}
export function* readFull(r: Iface | null, b: Slice | null): Go<[number, Iface | null]> {
  let got = 0;
  const n = b === null ? 0 : b.n;
  while (got < n) {
    const [k, err] = yield* readAny(r, lib.reslice(b, got, -1, -1)!);
    got += k;
    if (err !== null) return [got, got > 0 && err === EOF ? newError('unexpected EOF') : err];
  }
  return [got, null];
}

// ---- os/signal: the signal_recv goroutine, blocked in entersyscallblock for ever
function* signalLoop(): Go {
  yield { k: K.Syscall, ns: Number.MAX_SAFE_INTEGER / 4, mode: 'block', name: 'signal_recv' };
}
export function* signalNotify(p: Process, ch: Chan | null): Go {
  void ch;
  if (p.signalStarted) return;
  p.signalStarted = true;
  yield { k: K.Go, fn: (() => new Body(signalLoop(), `created by os/signal.Notify.func1.1\n\t/usr/lib/go-1.19/src/os/signal/signal.go:151 +0x0\n`)) as never, args: [], name: 'os/signal.loop' };
}

export { EOF, newError, ErrorString, setErrType, initEOF, callSync };
