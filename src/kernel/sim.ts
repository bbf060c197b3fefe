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
 * - No object per event: an event's payload (target, gen, tag, daemon) lives in a slot (an object
 *   array and one interleaved typed array), and the heap (4-ary, keys stored inline) holds (at,
 *   seq, slot) in three more. Sifting compares numbers side by side in memory instead of chasing a
 *   pointer per record; freed slots are reused, so the hot path allocates nothing once the arrays
 *   have grown to the run's peak.
 * - Far-future events wait outside the heap. An event due at least `farDelay` after now, while the
 *   heap is already large (`farMinHeap`), goes into a bucket of width `bucketWidth` (a list of
 *   (at, seq, slot) triples: O(1) to add), and a bucket's events enter the heap, with their
 *   original (at, seq), only when the heap's earliest event is no earlier than the bucket's start.
 *   With 100k fds armed a millisecond ahead (the netpoll benchmark) the heap then holds a bucket's
 *   worth of events instead of all of them, so its sifts stay in cache (measured: ≈8 % less CPU
 *   on that benchmark, no change on ping-pong). The firing order is the (at, seq) order exactly: a
 *   bucket's events are never earlier than its start, and the heap's top is taken as the next
 *   event only while it is earlier than every bucket's start (`settle`). Buckets are found through
 *   a Map and ordered by a small heap of bucket numbers; events due within `farDelay` (an M's next
 *   step, a wake-up) never touch them.
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

/**
 * Bucket width and the far-future threshold, in ns (2^14 ≈ 16 µs). Most of what an M does next is
 * due within a few µs (op costs, switches, wake-ups) and goes straight to the heap; device
 * latencies, long Work ops and sysmon's longer sleeps are far. The width trades the heap's size
 * (events of one bucket) against the number of buckets (one Map entry each): at 16 µs, 100k fds
 * armed over 1 ms make ≈60 buckets of ≈1600 events.
 */
const bucketWidth = 16384;
const farDelay = bucketWidth;
/** Numbers per slot in Sim.sData. */
const slotStride = 2;
/**
 * Buckets are used only once the heap holds this many events: a smaller heap fits in cache anyway,
 * and a bucket holding one or two events costs a Map entry more than it saves.
 */
const farMinHeap = 512;

/**
 * One bucket's events as (at, seq, slot) triples in arrival order: moving a bucket into the heap
 * reads them in order instead of visiting each event's slot, and a drained bucket keeps its
 * storage for reuse.
 */
class Bucket {
  e = new Float64Array(96);
  /** Numbers in use (3 per event). */
  n = 0;
  add(at: number, seq: number, slot: number): void {
    if (this.n === this.e.length) this.e = grown(this.e, new Float64Array(this.e.length * 2));
    const e = this.e;
    e[this.n] = at;
    e[this.n + 1] = seq;
    e[this.n + 2] = slot;
    this.n += 3;
  }
}

/** Why Sim.run returned: `polled` = the hooks' poll asked to stop. */
export type StopReason = 'empty' | 'quiescent' | 'until' | 'maxEvents' | 'stopped' | 'polled';

/** Per-run hooks of Sim.run. */
export interface RunHooks {
  /** Called after every fired event (tests: invariants, views against the engine). Slows the run down. */
  afterEvent?: () => void;
  /** Called once every `pollEvery` kernel events; returning true stops the run ('polled'). */
  poll?: () => boolean;
  /**
   * Kernel events between polls (default 65536). Read again after every poll, so a poll may change it:
   * a host whose events each run long (a goroutine's JavaScript between two runtime calls) polls sooner.
   * Polls never change the run (run-ahead stops at a poll boundary and goes through the heap instead).
   */
  pollEvery?: number;
}

/**
 * Kernel events between two watchdog polls: 2^16, ≈10–60 ms of work at the engine's rates, so a
 * wall-clock or memory check (a few µs) costs well under 0.1 %.
 */
export const defaultPollEvery = 65536;

export class Sim {
  /** Current simulated time in ns. Only moves forward. */
  now = 0;
  /** Events fired so far (the figure `npm run bench` reports per second). */
  fired = 0;

  // Event slots (indexed by slot number): what to do when the event fires.
  /**
   * Two numbers per slot, side by side: gen and tag·2 + daemon. Interleaved rather than one array
   * per field: with 100k pending events the slot of the event that fires is rarely in cache, and
   * reading it then costs one miss instead of one per field.
   */
  private sData = new Float64Array(64 * slotStride);
  private nslots = 64;
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

  // Far-future buckets (see module note): bucket number → its events; the bucket numbers in a
  // binary min-heap; the earliest bucket's start time (Infinity when there is none).
  private buckets = new Map<number, Bucket>();
  private bucketHeap: number[] = [];
  private farStart = Infinity;
  /** Events waiting in buckets. */
  private nfar = 0;
  /** Drained buckets, reused with their storage (one is created and drained every 16 µs of a busy run). */
  private spare: Bucket[] = [];

  /** Schedule `target.fire(tag, gen)` at absolute time `at` (clamped to now). */
  at(at: number, target: EventTarget, tag: number, gen = 0, daemon = false): void {
    let slot: number;
    if (this.nfree > 0) slot = this.free[--this.nfree]!;
    else {
      if (this.fresh === this.nslots) this.growSlots();
      slot = this.fresh++;
    }
    const d = this.sData;
    d[slot * slotStride] = gen;
    d[slot * slotStride + 1] = tag * 2 + (daemon ? 1 : 0);
    this.sTarget[slot] = target;
    if (!daemon) this.live++;
    const t = at < this.now ? this.now : at;
    const seq = this.seq++;
    if (t - this.now >= farDelay && this.size >= farMinHeap) this.putFar(slot, t, seq);
    else this.push(slot, t, seq);
  }

  /** Add an event to the heap. */
  private push(slot: number, t: number, seq: number): void {
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

  /** Put a far event in its bucket. */
  private putFar(slot: number, t: number, seq: number): void {
    this.nfar++;
    const b = Math.floor(t / bucketWidth);
    let bk = this.buckets.get(b);
    if (bk === undefined) {
      bk = this.spare.pop() ?? new Bucket();
      this.buckets.set(b, bk);
      // sift b up the bucket-number heap
      const h = this.bucketHeap;
      let i = h.length;
      h.push(b);
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (h[parent]! <= b) break;
        h[i] = h[parent]!;
        i = parent;
      }
      h[i] = b;
      this.farStart = h[0]! * bucketWidth;
    }
    bk.add(t, seq, slot);
  }

  /**
   * Make the heap's top the earliest pending event: move buckets into the heap while the heap is
   * empty or its top is not earlier than the earliest bucket's start. Cheap when nothing is due
   * (one comparison); every reader of the heap's top calls it first.
   */
  private settle(): void {
    while (this.nfar > 0 && (this.size === 0 || this.hAt[0]! >= this.farStart)) {
      const h = this.bucketHeap;
      const b = h[0]!;
      // pop the least bucket number
      const last = h.pop()!;
      if (h.length > 0) {
        let i = 0;
        const n = h.length;
        for (;;) {
          let c = 2 * i + 1;
          if (c >= n) break;
          if (c + 1 < n && h[c + 1]! < h[c]!) c++;
          if (last <= h[c]!) break;
          h[i] = h[c]!;
          i = c;
        }
        h[i] = last;
      }
      this.farStart = h.length > 0 ? h[0]! * bucketWidth : Infinity;
      const bk = this.buckets.get(b)!;
      this.buckets.delete(b);
      const e = bk.e;
      for (let j = 0; j < bk.n; j += 3) this.push(e[j + 2]!, e[j]!, e[j + 1]!);
      this.nfar -= bk.n / 3;
      bk.n = 0;
      this.spare.push(bk);
    }
  }

  /** Schedule after a delay from now. */
  after(delay: number, target: EventTarget, tag: number, gen = 0, daemon = false): void {
    this.at(this.now + delay, target, tag, gen, daemon);
  }

  /** Double the slot arrays (slots keep their numbers). */
  private growSlots(): void {
    const n = this.nslots * 2;
    this.nslots = n;
    this.sData = grown(this.sData, new Float64Array(n * slotStride));
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
    return this.size + this.nfar;
  }

  /** Pending non-daemon events: zero means nothing but background ticks can ever happen again. */
  get livePending(): number {
    return this.live;
  }

  /** Time of the next event, or Infinity. */
  peek(): number {
    this.settle();
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
    if (this.nfar > 0) this.settle();
    if (this.size > 0 && this.hAt[0]! <= t) return false;
    if (t > this.limitTime || this.fired >= this.limitEvents || this.stopRequested) return false;
    this.now = t;
    this.fired++;
    return true;
  }

  /** The current run's bounds, for advance(). */
  private limitTime = Infinity;
  private limitEvents = Infinity;
  /** Whether the current run has a poll hook (limitEvents is then also the next poll). */
  private polling = false;

  /**
   * Bring the next poll `events` events closer: an event that did far more JavaScript work than an
   * average one (a read(2) that fills a 1 MiB buffer: ≈1 ms, thousands of ordinary events) counts for
   * that many, so the watchdog's wall-clock checks keep their spacing in time. Polls only read the
   * clock and the heap (or pause the run, which resumes identically), so the run does not change.
   */
  pollSooner(events: number): void {
    if (this.polling && events > 0) this.limitEvents = Math.max(this.fired, this.limitEvents - events);
  }

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
    if (this.nfar > 0) this.settle();
    if (this.size === 0) return false;
    this.fireTop();
    return true;
  }

  /** Fire the heap's top, which settle() has made the earliest pending event. */
  private fireTop(): void {
    const slot = this.hSlot[0]!;
    this.now = this.hAt[0]!;
    this.pop();
    const d = this.sData;
    const tagd = d[slot * slotStride + 1]!;
    if ((tagd & 1) === 0) this.live--;
    this.fired++;
    const target = this.sTarget[slot]!;
    const tag = tagd >> 1;
    const gen = d[slot * slotStride]!;
    this.sTarget[slot] = null;
    this.free[this.nfree++] = slot;
    target.fire(tag, gen);
  }

  /**
   * Run until the queue empties, only daemon events remain, the clock would pass `until`, `maxEvents`
   * more events have fired, `stop()` was called, or the hooks' `poll` asked to stop.
   *
   * This is the only run loop: the runtime's per-event checks (invariants, views compared with the
   * engine) go through `hooks.afterEvent`, and its watchdog (wall-clock and memory budgets) through
   * `hooks.poll`, which runs once every `hooks.pollEvery` kernel events. The poll shares the event
   * budget's comparison (`limitEvents`, also read by advance()), so it costs the hot path nothing;
   * run-ahead stops at a poll boundary and goes through the heap, which gives the same run.
   */
  run(until = Infinity, maxEvents = Infinity, hooks: RunHooks = {}): StopReason {
    this.stopRequested = false;
    const limit = this.fired + maxEvents;
    const after = hooks.afterEvent ?? null;
    const poll = hooks.poll ?? null;
    let every = Math.max(1, hooks.pollEvery ?? defaultPollEvery);
    this.limitTime = until;
    this.limitEvents = poll !== null ? Math.min(limit, this.fired + every) : limit;
    this.polling = poll !== null;
    for (;;) {
      if (this.stopRequested) return 'stopped';
      if (this.nfar > 0) this.settle();
      if (this.size === 0) return 'empty';
      if (this.live === 0) return 'quiescent';
      if (this.hAt[0]! > until) {
        this.now = until;
        return 'until';
      }
      if (this.fired >= this.limitEvents) {
        if (this.fired >= limit) return 'maxEvents';
        if (poll!()) return 'polled';
        // the poll may change its cadence (hooks.pollEvery): the next poll is that many events on
        every = Math.max(1, hooks.pollEvery ?? defaultPollEvery);
        this.limitEvents = Math.min(limit, this.fired + every);
      }
      this.fireTop();
      if (after !== null) after();
    }
  }
}
