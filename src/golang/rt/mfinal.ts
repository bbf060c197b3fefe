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
 * order they were set (a Map keyed by the object: a *struct's object or a Box, rt/values.ts) and
 * the queue. HeapMarker.mark (called when a cycle starts, the world stopped) marks from the roots,
 * from the queue and from every special's object's contents, then moves the specials whose object
 * it did not reach to the queue. The finalizer goroutine is the runtime's (runtime/mgc.ts
 * createfing, runfinq: started by package os's init or by the K.CreateFing op of the first
 * SetFinalizer, so goroutine ids are Go's); mark termination asks the program for a batch
 * (LiveHeapSource.fingwake), queues it and readies the goroutine, which runs it here.
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
import { type Type, underlying } from '../types.js';
import type { Iface } from './values.js';
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

/** One run's finalizers: the specials and the queue. */
export class Finq {
  /** Objects with a finalizer (addfinalizer's specials), in the order SetFinalizer set them. */
  readonly specials = new Map<object, Finalizer>();
  /** Queued by a mark, not run yet (finq): roots of the next mark. */
  queue: Finalizer[] = [];
  /** The batch the finalizer goroutine is running (its entries not run yet are roots too). */
  running: Finalizer[] = [];
  /** createfing was asked for (the runtime starts the goroutine once: runtime/mgc.ts createfing). */
  fingCreated = false;
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

  /** wakefing: the batch for the finalizer goroutine (runtime/mgc.ts runfinq), if the last mark queued finalizers. */
  fingwake(): (() => Go) | null {
    if (!this.wake) return null;
    this.wake = false;
    return () => this.run();
  }

  /** runfinq's loop over the queue: each batch last-queued first (a finblock is walked from its end). */
  private *run(): Go {
    while (this.queue.length > 0) {
      const fb = this.queue;
      this.queue = [];
      this.running = fb;
      for (let i = fb.length - 1; i >= 0; i--) {
        const f = fb[i]!;
        yield* f.fn(finalizerArg(f));
        // drop the queue's reference (f.arg = nil): the object is no root any more
        fb.length = i;
      }
      this.running = [];
    }
  }
}

/**
 * runtime.SetFinalizer(obj, finalizer): a nil finalizer removes obj's (removefinalizer); otherwise
 * the finalizer is recorded (a second one is Go's throw "finalizer already set") and the finalizer
 * goroutine started unless it exists (createfing).
 */
export function* setFinalizer(q: Finq, obj: Iface | null, fin: Iface | null): Go {
  if (obj === null || obj.v === null || typeof obj.v !== 'object') throw fatal('runtime.SetFinalizer: first argument is nil');
  if (fin === null || fin.v === null) {
    q.specials.delete(obj.v);
    return;
  }
  if (q.specials.has(obj.v)) throw fatal('runtime.SetFinalizer: finalizer already set');
  q.specials.set(obj.v, { obj: obj.v, ot: obj.t, fn: fin.v as GoFuncValue, ft: fin.t });
  if (q.fingCreated) return;
  q.fingCreated = true;
  yield { k: K.CreateFing };
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
