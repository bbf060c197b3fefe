/**
 * Channels and select (Go: chan.go, select.go). Spec §12.
 *
 * A channel has a ring buffer of `cap` values and two FIFO wait queues of sudogs. A blocked sender
 * or receiver parks ("chan send" / "chan receive"; on a nil channel the "(nil chan)" variants,
 * forever). The partner that completes the operation copies the value and calls goready, so the
 * woken G lands in the runnext of the *partner's* P. close() readies every waiter: readers see
 * (zero, false), writers panic when they run. As in Go, the woken Gs are collected on a gList
 * (a stack) and readied in reverse, each kicking the previous from runnext.
 *
 * select polls its cases in a random order drawn from the seeded generator (selectgo's
 * pollorder); if none is ready and there is no default it enqueues a sudog on every channel and
 * parks ("select"); the first partner to fire one case wins (g.selectDone) and the G dequeues the
 * rest.
 *
 * The wait queues are Go's waitq: doubly linked lists of sudogs, so enqueue, dequeue and taking a
 * select's other sudogs out (through the G's list of them, gp.waiting) are O(1) however many Gs
 * wait (100k senders blocked on one channel is an ordinary fan-in).
 */
import type { Runtime } from './runtime.js';
import type { G, M, P } from './runtime2.js';
import { goready, gopark } from './proc.js';
import { blockTimerChan, maybeRunChan, unblockTimerChan, type Timer } from './time.js';
import type { SelectCase } from '../workload/ops.js';

/** A waiting goroutine on a channel (sudog). */
export class Sudog {
  g: G;
  /** Value to send (send waiters). */
  elem: unknown;
  /** Case index within a select (−1: plain send/recv). */
  caseIndex: number;
  isSelect: boolean;
  /** Neighbours in the channel's wait queue, and that queue (null once dequeued). */
  next: Sudog | null = null;
  prev: Sudog | null = null;
  queue: WaitQ | null = null;
  /** select: the G's next sudog (gp.waiting → waitlink list). */
  waitlink: Sudog | null = null;
  /** The channel it waits on, and whether to receive (for timer channels, Go ≥ 1.23). */
  c: Chan | null = null;
  recv = false;
  constructor(g: G, elem: unknown, caseIndex: number, isSelect: boolean) {
    this.g = g;
    this.elem = elem;
    this.caseIndex = caseIndex;
    this.isSelect = isSelect;
  }
}

/** A channel's queue of waiting senders or receivers (Go: waitq), FIFO. */
export class WaitQ {
  first: Sudog | null = null;
  last: Sudog | null = null;

  enqueue(sg: Sudog): void {
    sg.queue = this;
    sg.next = null;
    sg.prev = this.last;
    if (this.last !== null) this.last.next = sg;
    else this.first = sg;
    this.last = sg;
  }

  /** Unlink sg (it is in this queue). */
  remove(sg: Sudog): void {
    if (sg.prev !== null) sg.prev.next = sg.next;
    else this.first = sg.next;
    if (sg.next !== null) sg.next.prev = sg.prev;
    else this.last = sg.prev;
    sg.next = sg.prev = null;
    sg.queue = null;
  }

  /** The first sudog whose select has not already fired, taken out (chan.go dequeue). */
  dequeue(): Sudog | null {
    for (;;) {
      const sg = this.first;
      if (sg === null) return null;
      this.remove(sg);
      if (sg.isSelect) {
        if (sg.g.selectDone) continue;
        sg.g.selectDone = true;
      }
      return sg;
    }
  }
}

export class Chan<T = unknown> {
  readonly cap: number;
  /** Ring buffer. */
  private buf: unknown[];
  private head = 0;
  count = 0;
  closed = false;
  recvq = new WaitQ();
  sendq = new WaitQ();
  /** The timer feeding this channel (hchan.timer: NewTimer, NewTicker), set when it starts. */
  timer: Timer | null = null;
  /** Phantom field so Chan<T> stays generic for the workload API's types. */
  declare readonly _t?: T;
  constructor(cap = 0) {
    if (!Number.isInteger(cap) || cap < 0) throw new Error(`makechan: size out of range`);
    this.cap = cap;
    this.buf = new Array(cap);
  }
  /** len(ch) */
  get len(): number {
    return this.count;
  }
  push(v: unknown): void {
    this.buf[(this.head + this.count) % this.cap] = v;
    this.count++;
  }
  shift(): unknown {
    const v = this.buf[this.head];
    this.buf[this.head] = undefined;
    this.head = (this.head + 1) % this.cap;
    this.count--;
    return v;
  }
}

/** The value a closed-channel writer sees when it runs again: it panics. */
export const SEND_ON_CLOSED = { panic: 'send on closed channel' };

/** The value a woken G receives for its send/recv/select. */
function recvResult(sg: Sudog, v: unknown, ok: boolean): unknown {
  return sg.isSelect ? [sg.caseIndex, v, ok] : [v, ok];
}

/** After a select G was woken through one case, remove its sudogs from the other channels. */
function selectDequeueAll(gp: G): void {
  for (let sg = gp.waiting; sg !== null; sg = sg.waitlink) {
    if (sg.queue !== null) sg.queue.remove(sg);
  }
  gp.waiting = null;
}

function wake(rt: Runtime, sg: Sudog, pp: P, by: G | null, value: unknown): void {
  if (rt.lazyChanTimers) unblockTimers(rt, sg);
  if (sg.isSelect) {
    selectDequeueAll(sg.g);
    goready(rt, sg.g, pp, by, value);
    return;
  }
  goready(rt, sg.g, pp, by, value);
  releaseSudog(pp, sg);
}

/**
 * Sudogs cached per P (Go: acquireSudog/releaseSudog and p.sudogcache, runtime/proc.go), so a blocking
 * send or receive allocates nothing: in a ping-pong every operation parks, and a fresh sudog per park
 * lived just long enough to be copied by V8's young-generation collector. Only plain sends and
 * receives use them: a select's sudogs stay linked through gp.waiting until its G runs again. The
 * cache is a list through the sudogs' own `next` field (an array popped down to empty gives V8 its
 * storage back, and the next push allocates it again). Go's per-P cache holds up to 128 (half go to
 * a central cache beyond that); here the surplus is left to the garbage collector. No simulated cost
 * depends on it.
 */
const sudogCacheMax = 128;

function acquireSudog(pp: P, gp: G, elem: unknown): Sudog {
  const sg = pp.sudogcache;
  if (sg === null) return new Sudog(gp, elem, -1, false);
  pp.sudogcache = sg.next;
  pp.nsudogcache--;
  sg.next = null;
  sg.g = gp;
  sg.elem = elem;
  return sg;
}

/** A plain send or receive's sudog after its partner dequeued it: nothing refers to it any more. */
function releaseSudog(pp: P, sg: Sudog): void {
  if (pp.nsudogcache >= sudogCacheMax) return;
  sg.elem = undefined;
  sg.c = null;
  sg.recv = false;
  sg.next = pp.sudogcache;
  pp.sudogcache = sg;
  pp.nsudogcache++;
}

/**
 * Go ≥ 1.23: the woken G no longer waits on any timer channel it was blocked on (chanrecv and
 * selectgo call unblockTimerChan once the G runs again; here when it is readied).
 */
function unblockTimers(rt: Runtime, sg: Sudog): void {
  if (!sg.isSelect) {
    if (sg.c !== null && sg.c.timer !== null) unblockTimerChan(rt, sg.c.timer);
    return;
  }
  for (let s2: Sudog | null = sg.g.waiting; s2 !== null; s2 = s2.waitlink) {
    if (s2.c !== null && s2.c.timer !== null && s2.recv) unblockTimerChan(rt, s2.c.timer);
  }
}

/** chansend. Returns true if the G continues, false if it parked. Throws a Go panic message. */
export function chansend(rt: Runtime, mp: M, gp: G, c: Chan | null, v: unknown): boolean {
  if (c === null) {
    gopark(rt, mp, gp, 'chan send (nil chan)');
    return false;
  }
  if (c.closed) throw new GoPanic('send on closed channel');
  const sg = c.recvq.dequeue();
  if (sg !== null) {
    wake(rt, sg, mp.p!, gp, recvResult(sg, v, true));
    return true;
  }
  if (c.count < c.cap) {
    c.push(v);
    return true;
  }
  c.sendq.enqueue(acquireSudog(mp.p!, gp, v));
  gopark(rt, mp, gp, 'chan send');
  return false;
}

/** chanrecv. Returns the [value, ok] result, or PARKED. */
export function chanrecv(rt: Runtime, mp: M, gp: G, c: Chan | null): unknown {
  if (c === null) {
    gopark(rt, mp, gp, 'chan receive (nil chan)');
    return PARKED;
  }
  const lazyTimer = rt.lazyChanTimers ? c.timer : null;
  if (lazyTimer !== null) maybeRunChan(rt, lazyTimer, mp.p!);
  const r = tryRecv(rt, mp, gp, c);
  if (r !== NOT_READY) return r;
  const sg = acquireSudog(mp.p!, gp, undefined);
  sg.c = c;
  sg.recv = true;
  c.recvq.enqueue(sg);
  if (lazyTimer !== null) blockTimerChan(rt, lazyTimer, mp.p!);
  gopark(rt, mp, gp, 'chan receive');
  return PARKED;
}

export const PARKED = { parked: true };
const NOT_READY = { notReady: true };

/** The non-blocking part of a receive: from a waiting sender, the buffer, or a closed channel. */
function tryRecv(rt: Runtime, mp: M, gp: G, c: Chan): unknown {
  const sg = c.sendq.dequeue();
  if (sg !== null) {
    let v: unknown;
    if (c.cap === 0) {
      v = sg.elem;
    } else {
      // Full buffer: take the head, the sender's value goes to the tail.
      v = c.shift();
      c.push(sg.elem);
    }
    wake(rt, sg, mp.p!, gp, sg.isSelect ? [sg.caseIndex, undefined, true] : undefined);
    return [v, true];
  }
  if (c.count > 0) return [c.shift(), true];
  if (c.closed) return [undefined, false];
  return NOT_READY;
}

function trySend(rt: Runtime, mp: M, gp: G, c: Chan, v: unknown): boolean {
  if (c.closed) throw new GoPanic('send on closed channel');
  const sg = c.recvq.dequeue();
  if (sg !== null) {
    wake(rt, sg, mp.p!, gp, recvResult(sg, v, true));
    return true;
  }
  if (c.count < c.cap) {
    c.push(v);
    return true;
  }
  return false;
}

/** closechan: wake all readers (zero, false) and writers (panic), readied in gList (LIFO) order. */
export function closechan(rt: Runtime, mp: M, gp: G, c: Chan | null): void {
  if (c === null) throw new GoPanic('close of nil channel');
  if (c.closed) throw new GoPanic('close of closed channel');
  c.closed = true;
  const glist: [Sudog, unknown][] = [];
  for (;;) {
    const sg = c.recvq.dequeue();
    if (sg === null) break;
    glist.push([sg, recvResult(sg, undefined, false)]);
  }
  for (;;) {
    const sg = c.sendq.dequeue();
    if (sg === null) break;
    glist.push([sg, SEND_ON_CLOSED]);
  }
  for (let i = glist.length - 1; i >= 0; i--) wake(rt, glist[i]![0], mp.p!, gp, glist[i]![1]);
}

/**
 * selectgo. Returns [caseIndex, value, ok] if a case (or default, −1) completed, or PARKED.
 */
export function selectgo(rt: Runtime, mp: M, gp: G, cases: SelectCase[], dflt: boolean): unknown {
  const n = cases.length;
  if (n === 0 && !dflt) {
    gopark(rt, mp, gp, 'select (no cases)');
    return PARKED;
  }
  // pollorder: a random permutation (Fisher–Yates inside-out, as selectgo builds it).
  const order = new Array<number>(n);
  let norder = 0;
  for (let i = 0; i < n; i++) {
    if (cases[i]!.ch === null) continue;
    const j = rt.rand.intn(norder + 1);
    order[norder] = order[j]!;
    order[j] = i;
    norder++;
  }
  for (let k = 0; k < norder; k++) {
    const i = order[k]!;
    const cs = cases[i]!;
    const c = cs.ch!;
    if (cs.dir === 'recv') {
      if (rt.lazyChanTimers && c.timer !== null) maybeRunChan(rt, c.timer, mp.p!);
      const r = tryRecv(rt, mp, gp, c);
      if (r !== NOT_READY) {
        const [v, ok] = r as [unknown, boolean];
        return [i, v, ok];
      }
    } else if (trySend(rt, mp, gp, c, cs.v)) {
      return [i, undefined, true];
    }
  }
  if (dflt) return [-1, undefined, false];
  if (norder === 0) {
    // Only nil channels: blocks forever.
    gopark(rt, mp, gp, 'select (no cases)');
    return PARKED;
  }
  gp.selectDone = false;
  // Enqueue on every channel in case order, keeping the G's list of its sudogs (gp.waiting).
  let tail: Sudog | null = null;
  for (let i = 0; i < n; i++) {
    const cs = cases[i]!;
    if (cs.ch === null) continue;
    const sg = new Sudog(gp, cs.v, i, true);
    sg.c = cs.ch;
    sg.recv = cs.dir === 'recv';
    if (tail === null) gp.waiting = sg;
    else tail.waitlink = sg;
    tail = sg;
    if (cs.dir === 'recv') cs.ch.recvq.enqueue(sg);
    else cs.ch.sendq.enqueue(sg);
    if (sg.recv && rt.lazyChanTimers && cs.ch.timer !== null) blockTimerChan(rt, cs.ch.timer, mp.p!);
  }
  gopark(rt, mp, gp, 'select');
  return PARKED;
}

/** A non-blocking send made by the runtime itself (a timer's sendTime) on behalf of P `cur`. */
export function chanTrySendFromRuntime(rt: Runtime, c: Chan, v: unknown, cur: P): void {
  const sg = c.recvq.dequeue();
  if (sg !== null) {
    wake(rt, sg, cur, null, recvResult(sg, v, true));
    return;
  }
  if (c.count < c.cap) c.push(v);
}

/** A Go panic raised by the runtime (printed as `panic: <msg>`, exit status 2). */
export class GoPanic extends Error {
  goMessage: string;
  constructor(msg: string) {
    super(msg);
    this.goMessage = msg;
  }
}
