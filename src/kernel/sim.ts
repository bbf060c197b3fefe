/**
 * The discrete-event kernel: a virtual clock and a priority queue of pending events.
 *
 * Design (after SimPy's core: clock, heap, step, run-until):
 * - Time is a number of nanoseconds since the simulated process started. Doubles hold integers
 *   exactly up to 2^53 ns (≈104 days of simulated time), far beyond any run we make.
 * - An event is (at, seq, target, tag, gen). `seq` increases with every schedule call, so two events
 *   due at the same instant fire in the order they were scheduled: the run is a pure function of its
 *   inputs and seed (determinism invariant).
 * - Targets implement `fire(tag, gen)`. The runtime model uses this for Ms, sysmon and I/O devices;
 *   the kernel knows nothing about Go.
 * - Cancellation is lazy: a target keeps a generation counter and ignores events whose `gen` is
 *   stale. That keeps `schedule` O(log n) with no search, and costs nothing when nothing is cancelled.
 * - Event records are pooled: the hot path (millions of events per second) allocates nothing once
 *   the pool is warm.
 * - `daemon` events (sysmon ticks) do not keep the simulation alive: when only daemon events remain
 *   the simulated program can make no more progress, which `runUntil` reports as `quiescent`.
 */

export interface EventTarget {
  fire(tag: number, gen: number): void;
}

class Ev {
  at = 0;
  seq = 0;
  target: EventTarget | null = null;
  tag = 0;
  gen = 0;
  daemon = false;
}

export type StopReason = 'empty' | 'quiescent' | 'until' | 'maxEvents' | 'stopped';

export class Sim {
  /** Current simulated time in ns. Only moves forward. */
  now = 0;
  /** Events fired so far (the figure `npm run bench` reports per second). */
  fired = 0;
  private heap: Ev[] = [];
  private pool: Ev[] = [];
  private seq = 0;
  /** Pending events that are not daemon events (see module note). */
  private live = 0;
  private stopRequested = false;

  /** Schedule `target.fire(tag, gen)` at absolute time `at` (clamped to now). */
  at(at: number, target: EventTarget, tag: number, gen = 0, daemon = false): void {
    const e = this.pool.pop() ?? new Ev();
    e.at = at < this.now ? this.now : at;
    e.seq = this.seq++;
    e.target = target;
    e.tag = tag;
    e.gen = gen;
    e.daemon = daemon;
    if (!daemon) this.live++;
    const h = this.heap;
    let i = h.length;
    h.push(e);
    // sift up
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = h[parent]!;
      if (p.at < e.at || (p.at === e.at && p.seq < e.seq)) break;
      h[i] = p;
      i = parent;
    }
    h[i] = e;
  }

  /** Schedule after a delay from now. */
  after(delay: number, target: EventTarget, tag: number, gen = 0, daemon = false): void {
    this.at(this.now + delay, target, tag, gen, daemon);
  }

  get pending(): number {
    return this.heap.length;
  }

  /** Pending non-daemon events: zero means nothing but background ticks can ever happen again. */
  get livePending(): number {
    return this.live;
  }

  /** Time of the next event, or Infinity. */
  peek(): number {
    const h = this.heap;
    return h.length > 0 ? h[0]!.at : Infinity;
  }

  /**
   * Run-ahead: move the clock to `t` inside the current event, as if an event at `t` had been
   * scheduled and fired, when nothing else is due before it. Returns false (and changes nothing)
   * if some pending event is due at or before `t`, if `t` passes `limitTime`, or if the event
   * budget is spent — the caller then schedules a real event. Counts as a fired event, so budgets
   * and rates stay the same; the run is identical to the one that went through the heap.
   */
  advance(t: number): boolean {
    const h = this.heap;
    if (h.length > 0 && h[0]!.at <= t) return false;
    if (t > this.limitTime || this.fired >= this.limitEvents || this.stopRequested) return false;
    this.now = t;
    this.fired++;
    return true;
  }

  /** The current run's bounds, for advance(). */
  private limitTime = Infinity;
  private limitEvents = Infinity;

  /** Ask `run` to return after the current event. */
  stop(): void {
    this.stopRequested = true;
  }

  private pop(): Ev {
    const h = this.heap;
    const top = h[0]!;
    const last = h.pop()!;
    const n = h.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        let c = l;
        let cv = h[l]!;
        if (r < n) {
          const rv = h[r]!;
          if (rv.at < cv.at || (rv.at === cv.at && rv.seq < cv.seq)) {
            c = r;
            cv = rv;
          }
        }
        if (last.at < cv.at || (last.at === cv.at && last.seq < cv.seq)) break;
        h[i] = cv;
        i = c;
      }
      h[i] = last;
    }
    return top;
  }

  /** Fire exactly one event. Returns false if there was none. */
  step(): boolean {
    if (this.heap.length === 0) return false;
    const e = this.pop();
    if (!e.daemon) this.live--;
    this.now = e.at;
    this.fired++;
    const target = e.target!;
    const tag = e.tag;
    const gen = e.gen;
    e.target = null;
    this.pool.push(e);
    target.fire(tag, gen);
    return true;
  }

  /**
   * Run until the queue empties, only daemon events remain, the clock would pass `until`, `maxEvents`
   * more events have fired, or `stop()` was called.
   */
  run(until = Infinity, maxEvents = Infinity): StopReason {
    this.stopRequested = false;
    const limit = this.fired + maxEvents;
    this.limitTime = until;
    this.limitEvents = limit;
    const h = this.heap;
    for (;;) {
      if (this.stopRequested) return 'stopped';
      if (h.length === 0) return 'empty';
      if (this.live === 0) return 'quiescent';
      if (h[0]!.at > until) {
        this.now = until;
        return 'until';
      }
      if (this.fired >= limit) return 'maxEvents';
      this.step();
    }
  }
}
