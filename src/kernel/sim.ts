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
 * - No object per event: an event's payload lives in a slot of parallel typed arrays, and the heap
 *   (4-ary, keys stored inline) holds (at, seq, slot) in three more. Sifting compares numbers side
 *   by side in memory instead of chasing a pointer per record, which matters with 100k pending
 *   events (the netpoll benchmark); freed slots are reused, so the hot path allocates nothing once
 *   the arrays have grown to the run's peak.
 * - `daemon` events (sysmon ticks) do not keep the simulation alive: when only daemon events remain
 *   the simulated program can make no more progress, which `runUntil` reports as `quiescent`.
 */

export interface EventTarget {
  fire(tag: number, gen: number): void;
}

/** `to` (a larger typed array of the same kind) holding `from`'s elements first. */
function grown<A extends Float64Array<ArrayBuffer> | Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>>(from: A, to: A): A {
  to.set(from);
  return to;
}

export type StopReason = 'empty' | 'quiescent' | 'until' | 'maxEvents' | 'stopped';

export class Sim {
  /** Current simulated time in ns. Only moves forward. */
  now = 0;
  /** Events fired so far (the figure `npm run bench` reports per second). */
  fired = 0;

  // Event slots (struct of arrays, indexed by slot number): what to do when the event fires.
  private sGen = new Float64Array(64);
  private sTag = new Int32Array(64);
  private sDaemon = new Uint8Array(64);
  private sTarget: (EventTarget | null)[] = new Array<EventTarget | null>(64).fill(null);
  /** Free slot numbers (a stack); slots never handed out are `fresh` and above. */
  private free = new Int32Array(64);
  private nfree = 0;
  private fresh = 0;
  /**
   * The heap: a 4-ary min-heap ordered by (at, seq), with each entry's keys stored in the heap
   * arrays themselves, so a sift compares four siblings that sit side by side in memory (one cache
   * line) rather than looking keys up through their slots. `size` entries are in use.
   */
  private hAt = new Float64Array(64);
  /** Schedule order, the tie-break at equal times. A double: exact to 2^53 events. */
  private hSeq = new Float64Array(64);
  private hSlot = new Int32Array(64);
  private size = 0;
  private seq = 0;
  /** Pending events that are not daemon events (see module note). */
  private live = 0;
  private stopRequested = false;

  /** Schedule `target.fire(tag, gen)` at absolute time `at` (clamped to now). */
  at(at: number, target: EventTarget, tag: number, gen = 0, daemon = false): void {
    let slot: number;
    if (this.nfree > 0) slot = this.free[--this.nfree]!;
    else {
      if (this.fresh === this.sTag.length) this.growSlots();
      slot = this.fresh++;
    }
    this.sGen[slot] = gen;
    this.sTag[slot] = tag;
    this.sDaemon[slot] = daemon ? 1 : 0;
    this.sTarget[slot] = target;
    if (!daemon) this.live++;
    const t = at < this.now ? this.now : at;
    const seq = this.seq++;
    if (this.size === this.hAt.length) this.growHeap();
    // sift up, moving the hole instead of swapping
    const hAt = this.hAt;
    const hSeq = this.hSeq;
    const hSlot = this.hSlot;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const pa = hAt[parent]!;
      if (pa < t || (pa === t && hSeq[parent]! < seq)) break;
      hAt[i] = pa;
      hSeq[i] = hSeq[parent]!;
      hSlot[i] = hSlot[parent]!;
      i = parent;
    }
    hAt[i] = t;
    hSeq[i] = seq;
    hSlot[i] = slot;
  }

  /** Schedule after a delay from now. */
  after(delay: number, target: EventTarget, tag: number, gen = 0, daemon = false): void {
    this.at(this.now + delay, target, tag, gen, daemon);
  }

  /** Double the slot arrays (slots keep their numbers). */
  private growSlots(): void {
    const n = this.sTag.length * 2;
    this.sGen = grown(this.sGen, new Float64Array(n));
    this.sTag = grown(this.sTag, new Int32Array(n));
    this.sDaemon = grown(this.sDaemon, new Uint8Array(n));
    this.free = grown(this.free, new Int32Array(n));
    for (let i = this.sTarget.length; i < n; i++) this.sTarget.push(null);
  }

  /** Double the heap arrays. */
  private growHeap(): void {
    const n = this.hAt.length * 2;
    this.hAt = grown(this.hAt, new Float64Array(n));
    this.hSeq = grown(this.hSeq, new Float64Array(n));
    this.hSlot = grown(this.hSlot, new Int32Array(n));
  }

  get pending(): number {
    return this.size;
  }

  /** Pending non-daemon events: zero means nothing but background ticks can ever happen again. */
  get livePending(): number {
    return this.live;
  }

  /** Time of the next event, or Infinity. */
  peek(): number {
    return this.size > 0 ? this.hAt[0]! : Infinity;
  }

  /**
   * Run-ahead: move the clock to `t` inside the current event, as if an event at `t` had been
   * scheduled and fired, when nothing else is due before it. Returns false (and changes nothing)
   * if some pending event is due at or before `t`, if `t` passes `limitTime`, or if the event
   * budget is spent — the caller then schedules a real event. Counts as a fired event, so budgets
   * and rates stay the same; the run is identical to the one that went through the heap.
   */
  advance(t: number): boolean {
    if (this.size > 0 && this.hAt[0]! <= t) return false;
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

  /** Remove the heap's top entry (the caller has read it). */
  private pop(): void {
    const n = --this.size;
    if (n === 0) return;
    const hAt = this.hAt;
    const hSeq = this.hSeq;
    const hSlot = this.hSlot;
    // sift the last entry down from the root
    const la = hAt[n]!;
    const ls = hSeq[n]!;
    const lslot = hSlot[n]!;
    let i = 0;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= n) break;
      // the least of up to four children
      let c = first;
      let ca = hAt[first]!;
      let cs = hSeq[first]!;
      const end = first + 4 < n ? first + 4 : n;
      for (let j = first + 1; j < end; j++) {
        const ja = hAt[j]!;
        if (ja < ca || (ja === ca && hSeq[j]! < cs)) {
          c = j;
          ca = ja;
          cs = hSeq[j]!;
        }
      }
      if (la < ca || (la === ca && ls < cs)) break;
      hAt[i] = ca;
      hSeq[i] = cs;
      hSlot[i] = hSlot[c]!;
      i = c;
    }
    hAt[i] = la;
    hSeq[i] = ls;
    hSlot[i] = lslot;
  }

  /** Fire exactly one event. Returns false if there was none. */
  step(): boolean {
    if (this.size === 0) return false;
    const slot = this.hSlot[0]!;
    this.now = this.hAt[0]!;
    this.pop();
    if (this.sDaemon[slot] === 0) this.live--;
    this.fired++;
    const target = this.sTarget[slot]!;
    const tag = this.sTag[slot]!;
    const gen = this.sGen[slot]!;
    this.sTarget[slot] = null;
    this.free[this.nfree++] = slot;
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
    for (;;) {
      if (this.stopRequested) return 'stopped';
      if (this.size === 0) return 'empty';
      if (this.live === 0) return 'quiescent';
      if (this.hAt[0]! > until) {
        this.now = until;
        return 'until';
      }
      if (this.fired >= limit) return 'maxEvents';
      this.step();
    }
  }
}
