/**
 * Package os/signal: Notify starts, once per process, the goroutine Go's signal package runs to
 * receive signals (signal_recv), which waits in entersyscallblock for ever — so a program that
 * calls Notify has one more goroutine and an M blocked in a system call, as in Go. Whether it was
 * started is run state (Process.signalStarted).
 *
 * Simplified: no signal is ever delivered (nothing in the simulation sends one), so the channel
 * passed to Notify never receives, and Stop, Ignore and Reset have nothing to undo (they start no
 * goroutine in Go either); Ignored reports false.
 */
import { K, type Op } from '../../workload/ops.js';
import type { Chan } from '../../runtime/chan.js';
import type { Process } from './process.js';
import { tSignal } from './os.js';
import { pkg, F, fn, sl, subset } from './registry.js';
import { tBool } from '../types.js';
import { Body } from '../rt/goroutine.js';

type Go<T = void> = Generator<Op, T, unknown>;

/** The signal_recv goroutine, blocked in entersyscallblock for ever. */
function* loop(): Go {
  yield { k: K.Syscall, ns: Number.MAX_SAFE_INTEGER / 4, mode: 'block', name: 'signal_recv' };
}
export function* Notify(p: Process, ch: Chan | null): Go {
  void ch;
  if (p.signalStarted) return;
  p.signalStarted = true;
  yield { k: K.Go, fn: (() => new Body(loop(), `created by os/signal.Notify.func1.1\n\t/usr/lib/go-1.19/src/os/signal/signal.go:151 +0x0\n`)) as never, args: [], name: 'os/signal.loop' };
}

pkg('os/signal', {
  Notify: F(fn([{ k: 'chan', elem: tSignal, dir: 'both' }, sl(tSignal)], [], true), (a) => `(yield* $P.os_signal.Notify($proc, ${a[0]}))`),
  Stop: F(fn([{ k: 'chan', elem: tSignal, dir: 'both' }]), () => 'undefined'),
  Ignore: F(fn([sl(tSignal)], [], true), () => 'undefined'),
  Reset: F(fn([sl(tSignal)], [], true), () => 'undefined'),
  Ignored: F(fn([tSignal], [tBool]), () => 'false'),
  $unsupported: subset(),
});
