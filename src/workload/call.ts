/**
 * `Call`: how a runtime entry point is handed to `yield*` without a generator (module of its own
 * because the TypeScript workload API and the Go frontend's generated code both use it).
 */
import type { Op } from './ops.js';

/**
 * One runtime call (or a fixed pair of them, such as net.Read's arm-then-wait) as something
 * `yield*` can delegate to: it yields its Op(s) and returns the runtime's answer to the last one. A
 * tiny iterator object instead of a generator: this is the hottest allocation of every workload (one
 * per channel operation, lock, sleep…), and a plain object that is its own result record costs a
 * fraction of a generator's set-up. One class for both shapes keeps `yield*`'s call site monomorphic.
 * The Go frontend's generated code uses it too (src/golang/program.ts `$op`: a CPU-work op then the runtime op).
 */
export class Call<T> implements Generator<Op, T, unknown> {
  // The Call is its own iterator result ({done, value}): one object per runtime call, not two. Three
  // fields, not four: a parked goroutine's frame holds its Call (issue 14, bytes per parked
  // goroutine), so the state is coded in them (yield* never calls next() after done):
  // - new: done = true (nothing yielded yet), value = the first op, then = the second op or null;
  // - an op yielded: done = false, value = that op, then = the op still to yield or null;
  // - finished: done = true, value = the runtime's answer to the last op.
  done: boolean;
  value: unknown;
  private then: Op | null;
  constructor(o: Op, then: Op | null = null) {
    this.done = true;
    this.value = o;
    this.then = then;
  }
  next(v?: unknown): IteratorResult<Op, T> {
    if (this.done) {
      // First call: yield the first op (already in value).
      this.done = false;
      return this as IteratorResult<Op, T>;
    }
    const then = this.then;
    if (then !== null) {
      this.value = then;
      this.then = null;
      return this as IteratorResult<Op, T>;
    }
    this.done = true;
    this.value = v;
    return this as IteratorResult<Op, T>;
  }
  return(value: T): IteratorResult<Op, T> {
    // As after the last op: a further next() finishes.
    this.done = false;
    this.value = undefined;
    this.then = null;
    return { done: true, value };
  }
  throw(e: unknown): IteratorResult<Op, T> {
    throw e;
  }
  [Symbol.iterator](): Generator<Op, T, unknown> {
    return this;
  }
  get [Symbol.toStringTag](): string {
    return 'Call';
  }
}

