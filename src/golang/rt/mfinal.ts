/**
 * Finalizers (runtime/mfinal.go, the sweep's special records in mgcsweep.go and mgcmark.go's roots),
 * on the Go frontend's heap mark (rt/gcmark.ts).
 *
 * What Go does: runtime.SetFinalizer(obj, fn) records a finalizer special on obj's object
 * (addfinalizer) and starts the finalizer goroutine once (createfing: `go runfinq()`, go1.26
 * `go runFinalizers()`). Each mark treats every object with a finalizer specially (markrootSpans):
 * what the object points to is marked, the object itself is not; the finalizers queued but not run
 * yet are roots (finq). The sweep then finds an object with a finalizer that the mark did not reach,
 * removes its special and queues its finalizer (queuefinalizer), and the scheduler readies the
 * finalizer goroutine (wakefing in findRunnable). That goroutine calls each queued finalizer with
 * the object (as the finalizer's parameter type: the pointer itself or an interface holding it), one
 * after the other, and parks again (waitReasonFinalizerWait) when the queue is empty. So a finalized
 * object survives the cycle that finds it dead (its finalizer may still use it), and an object that
 * only a finalized object points to is found dead one cycle later (A → B: A's finalizer runs first).
 *
 * Here: a Finq per run (Process.finq, shared with the run's HeapMarker) holds the specials in the
 * order they were set (a Map keyed by the object: a *struct's object or a Box, rt/values.ts), the
 * queue and the finalizer goroutine's wake-up channel. HeapMarker.mark (called when a cycle starts,
 * the world stopped) marks from the roots, from the queue and from every special's object's contents,
 * then moves the specials whose object it did not reach to the queue; the runtime's mark termination
 * asks the program (LiveHeapSource.fingwake, runtime/mgc.ts) for the channel to wake the finalizer
 * goroutine on, and sends on it as a timer does (chanTrySendFromRuntime).
 *
 * SIMPLIFIED: the mark's roots are rt/gcmark.ts's (a variable is a root for its frame's whole
 * life, a loop body's locals and what a func value, a channel buffer or a timer holds are not
 * roots): an object only such a slot holds has its finalizer run although the program can still
 * reach it (early), one a frame variable holds after its last use has it run late (when the frame
 * returns). The queue is run in the order the mark found the objects, each batch last-found first (runfinq walks a
 * finblock from its end). The finalizer goroutine is a system goroutine throughout (Go counts it in
 * NumGoroutine while it runs a finalizer: fingRunning). SetFinalizer's checks that throw (not a
 * pointer, a pointer not to an allocation's start, a wrong finalizer type) are the compiler's type
 * check only; a finalizer's results are discarded.
 */
import { K, type Op } from '../../workload/ops.js';
import { Chan } from '../../runtime/chan.js';
import type { GoRelease } from '../../runtime/version.js';
import { type Type, underlying } from '../types.js';
import type { Iface } from './values.js';
import { Body } from './goroutine.js';
import { GoPanic } from './panics.js';

type Go<T = void> = Generator<Op, T, unknown>;
type GoFuncValue = (...args: unknown[]) => Generator<Op, unknown, unknown>;

/** One finalizer special (mfinal.go finalizer): the object, its pointer type, the func and its type. */
export interface Finalizer {
  readonly obj: object;
  readonly ot: Type;
  readonly fn: GoFuncValue;
  readonly ft: Type;
}

/** The release's names of the finalizer goroutine's function (runtime/frames.ts `finalizer`) and of its creator's site. */
const fingNames: Readonly<Record<GoRelease, { fn: string; created: string }>> = {
  // go1.19 mfinal.go:157 `go runfinq()` in createfing
  '1.19': { fn: 'runtime.runfinq', created: 'runtime.createfing\n\t/usr/lib/go-1.19/src/runtime/mfinal.go:157' },
  // go1.26 mfinal.go:172 `go runFinalizers()` in createfing
  '1.26': { fn: 'runtime.runFinalizers', created: 'runtime.createfing\n\t/usr/local/go/src/runtime/mfinal.go:172' },
};

/** One run's finalizers: the specials, the queue and the finalizer goroutine's channel. */
export class Finq {
  /** Objects with a finalizer (addfinalizer's specials), in the order SetFinalizer set them. */
  readonly specials = new Map<object, Finalizer>();
  /** Queued by a mark, not run yet (finq): roots of the next mark. */
  queue: Finalizer[] = [];
  /** The batch the finalizer goroutine is running (its entries not run yet are roots too). */
  running: Finalizer[] = [];
  /** What the finalizer goroutine waits on when the queue is empty (null until createfing). */
  fingChan: Chan | null = null;
  /** The last mark queued finalizers and the goroutine was not woken for them yet (fingwake). */
  wake = false;

  /**
   * The sweep's part after a mark (mgcsweep.go: an unmarked object's finalizer special is removed
   * and its finalizer queued): `reached` tells whether the mark reached an object.
   */
  sweep(reached: (o: object) => boolean): void {
    for (const [o, f] of this.specials) {
      if (reached(o)) continue;
      this.specials.delete(o);
      this.queue.push(f);
      this.wake = true;
    }
  }

  /** wakefing: the channel to wake the finalizer goroutine on, if the last mark queued work for it. */
  fingwake(): Chan | null {
    if (!this.wake || this.fingChan === null) return null;
    this.wake = false;
    return this.fingChan;
  }
}

/**
 * runtime.SetFinalizer(obj, finalizer): a nil finalizer removes obj's (removefinalizer); otherwise
 * the finalizer is recorded (a second one is Go's throw "finalizer already set") and the finalizer
 * goroutine started on first use (createfing).
 */
export function* setFinalizer(q: Finq, release: GoRelease, obj: Iface | null, fin: Iface | null): Go {
  if (obj === null || obj.v === null || typeof obj.v !== 'object') throw fatal('runtime.SetFinalizer: first argument is nil');
  if (fin === null || fin.v === null) {
    q.specials.delete(obj.v);
    return;
  }
  if (q.specials.has(obj.v)) throw fatal('runtime.SetFinalizer: finalizer already set');
  q.specials.set(obj.v, { obj: obj.v, ot: obj.t, fn: fin.v as GoFuncValue, ft: fin.t });
  if (q.fingChan !== null) return;
  // createfing: the channel is fingwait/fingwake (one pending wake-up is enough)
  q.fingChan = new Chan(1);
  const names = fingNames[release];
  const created = `created by ${names.created} +0x0\n`;
  yield { k: K.Go, fn: (() => new Body(runfinq(q), created)) as never, args: [], name: names.fn, system: true };
}

/** The finalizer goroutine (runfinq): run the queue's batches, park on the channel when it is empty. */
function* runfinq(q: Finq): Go {
  for (;;) {
    if (q.queue.length === 0) {
      // goparkunlock(&finlock, waitReasonFinalizerWait)
      yield { k: K.Recv, ch: q.fingChan };
      continue;
    }
    const fb = q.queue;
    q.queue = [];
    q.running = fb;
    for (let i = fb.length - 1; i >= 0; i--) {
      const f = fb[i]!;
      yield* f.fn(finalizerArg(f));
      // drop the queue's reference (f.arg = nil): the object is no root any more
      fb.length = i;
    }
    q.running = [];
  }
}

/** The finalizer's argument: the pointer, or an interface holding it when the parameter is an interface (runfinq's kindInterface). */
function finalizerArg(f: Finalizer): unknown {
  const ftu = underlying(f.ft);
  const pt = ftu.k === 'func' ? ftu.params[0] : undefined;
  if (pt !== undefined && underlying(pt).k === 'iface') return { t: f.ot, v: f.obj } satisfies Iface;
  return f.obj;
}

/** A runtime throw (fatal error: not recoverable). */
function fatal(msg: string): GoPanic {
  const p = new GoPanic(null, msg);
  p.fatal = msg;
  return p;
}
