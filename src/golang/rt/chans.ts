/**
 * Channel operations the generated code performs itself (runtime/chan.go): make with its size
 * check, len/cap of a possibly nil channel, the zero value of a receive from a closed channel, and
 * the panics of send on / close of a closed or nil channel. Blocking operations are Ops the
 * runtime executes (workload/ops.ts), not here.
 */
import { Chan } from '../../runtime/chan.js';
import { plainPanic } from './panics.js';

/** make(chan T, n) (runtime.makechan): n × T's size ≤ maxAlloc − hchanSize (2^48 − 96 on amd64), n ≥ 0; a plainError. */
export function makeChan(n: number, esize = 0): Chan {
  if (!(n >= 0) || !Number.isInteger(n) || esize * n > 2 ** 48 - 96) throw plainPanic('makechan: size out of range');
  return new Chan(n);
}
export function clen(c: Chan | null): number {
  return c === null ? 0 : c.count;
}
export function ccap(c: Chan | null): number {
  return c === null ? 0 : c.cap;
}
/** recv result with Go's zero value for a closed channel. */
export function rz(r: [unknown, boolean], z: unknown): [unknown, boolean] {
  if (!r[1]) return [z, false];
  return r;
}
export function sendCheck(c: Chan | null): Chan | null {
  if (c !== null && c.closed) throw plainPanic('send on closed channel');
  return c;
}
export function closeCheck(c: Chan | null): Chan | null {
  if (c === null) throw plainPanic('close of nil channel');
  if (c.closed) throw plainPanic('close of closed channel');
  return c;
}
