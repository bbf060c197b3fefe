/**
 * Timers (Go 1.19 time.go): per-P min-heaps ordered by `when`, run only by an M that holds a P,
 * at the top of findRunnable (the owner) or in stealWork's last round (a thief). Spec §11.
 *
 * - A timer is added to the heap of the P of the goroutine that starts it; resetting a timer that
 *   is still in a heap keeps it there (1.19 modtimer). time.Sleep re-arms g.timer on the current P
 *   after the G has parked (resetForSleep).
 * - A timer's function readies Gs through goready on the *running* M's P, so a sleeper lands in the
 *   runnext of whichever P ran its timer.
 * - Adding a timer that becomes the earliest calls wakeNetPoller so a blocked poller shortens its
 *   timeout (netpollBreak) or, with no poller, wakep starts one.
 * - sysmon never runs timers. checkdead treats any non-empty heap as possible progress.
 *
 * The heap is 4-ary and ordered by `when` alone, as 1.19's: an element moves up while it is
 * strictly earlier than its parent, and down to its earliest child (the first of equals) while that
 * child is strictly earlier; so timers due at the same nanosecond come out in the order Go's heap
 * gives them. (Four children per level also halves the depth: with 100k sleepers, popping the
 * earliest timer visits ≈8 levels instead of ≈17.)
 *
 * Cost (cost.ts): every heap operation charges the running M timerOp plus timerHeapLevel per level
 * the timer moved (siftUp/siftDown count them), and removing (running, stopping, re-sifting) a timer
 * armed long ago adds timerColdExtra of the timer arms since (Timer.armSeq, Runtime.timerArms): a
 * heap that churns — N sleepers, each timer touched once per N arms — misses the caches, a static one
 * does not (conformance/programs/wake_costs.go: timer_cycle_ns_M vs sleep_cycle_ns_M). findRunnable
 * checks the timers at the M's clock, the event's time plus its debt (the park, the heap insert), so a
 * timer due within that work has expired, as when Go's checkTimers reads nanotime() after them.
 *
 * Simplification: deleted timers leave the heap at once instead of being marked and cleaned
 * lazily, so a stopped timer no longer suppresses a deadlock report, and a reset timer is re-sifted
 * where it is instead of being re-added by adjusttimers.
 *
 * Go 1.23's rework (VersionProfile.lazyChannelTimers; go1.26.8 time.go needsAdd, maybeAdd,
 * blockTimerChan, unblockTimerChan, maybeRunChan, stop, modify; chan.go timerchandrain): a channel
 * timer (NewTimer, After, NewTicker, Tick) is in a heap only while some goroutine is blocked
 * receiving from its channel. Starting or resetting it only records `when`; the first goroutine to
 * block on the channel adds it to *its* P's heap (and wakes the poller); the last one to leave
 * takes it out (Go marks it a zombie and cleans it later: here it leaves at once, as a deleted timer
 * does). A receive or select that finds the timer expired but unheaped runs it on the spot
 * (maybeRunChan). The channel is synchronous: Stop and Reset drain a value already sent and
 * count it as pending. What follows: an un-waited channel timer keeps nothing alive (checkdead sees
 * an empty heap and reports the deadlock at once), and it fires on the P of the goroutine waiting
 * for it. AfterFunc and time.Sleep timers are unchanged.
 */
import { E } from '../log/events.js';
import type { Runtime } from './runtime.js';
import type { G, P } from './runtime2.js';
import type { Chan } from './chan.js';
import { goready, newproc, wakeNetPoller } from './proc.js';
import { chanTrySendFromRuntime } from './chan.js';
import { coldLookup } from './cost.js';
import type { GoBody } from '../workload/ops.js';

export const TimerKind = {
  /** goroutineReady: wake a sleeping G (time.Sleep). */
  Sleep: 0,
  /** sendTime: non-blocking send of the time on a channel (NewTimer, After, Ticker). */
  ChanSend: 1,
  /** goFunc: start a goroutine (AfterFunc). */
  Func: 2,
} as const;

export class Timer {
  /** The P whose heap holds it, or null. */
  pp: P | null = null;
  /** Index in pp.timers (−1 when not in a heap). */
  index = -1;
  when = 0;
  /** Ticker period (0 = one-shot). */
  period = 0;
  kind: number;
  g: G | null = null;
  ch: Chan | null = null;
  fn: (() => GoBody) | null = null;
  name = '';
  /** Goroutines blocked receiving from its channel (1.23+ t.blocked; lazyChannelTimers). */
  blocked = 0;
  /**
   * What a ChanSend timer sends when it fires, from the clock: the Go frontend's time.Time (sendTime's
   * Now()); null sends the clock's ns (the TypeScript API's time.After receives a number).
   */
  value: ((now: number) => unknown) | null = null;
  /** Runtime.timerArms when it was last armed (its removal's cache cost, cost.ts timerColdExtra). */
  armSeq = 0;
  constructor(kind: number) {
    this.kind = kind;
  }
}

/** Move h[i] up to its place; returns the number of levels it moved (the heap work, timerHeapLevel). */
function siftUp(h: Timer[], i: number): number {
  const t = h[i]!;
  const when = t.when;
  let levels = 0;
  while (i > 0) {
    const parent = (i - 1) >> 2;
    const p = h[parent]!;
    if (when >= p.when) break;
    h[i] = p;
    p.index = i;
    i = parent;
    levels++;
  }
  h[i] = t;
  t.index = i;
  return levels;
}

/** Move h[i] down to its place; returns the number of levels it moved. */
function siftDown(h: Timer[], i: number): number {
  const n = h.length;
  const t = h[i]!;
  const when = t.when;
  let levels = 0;
  for (;;) {
    const first = 4 * i + 1;
    if (first >= n) break;
    // the earliest child, the first of equals
    let c = first;
    let cw = h[first]!.when;
    const end = first + 4 < n ? first + 4 : n;
    for (let j = first + 1; j < end; j++) {
      const w = h[j]!.when;
      if (w < cw) {
        c = j;
        cw = w;
      }
    }
    if (cw >= when) break;
    const ct = h[c]!;
    h[i] = ct;
    ct.index = i;
    i = c;
    levels++;
  }
  h[i] = t;
  t.index = i;
  return levels;
}

/** Remove t from pp's heap (dodeltimer/dodeltimer0); returns the levels the moved last element sifted. */
function heapRemove(pp: P, t: Timer): number {
  const h = pp.timers;
  const i = t.index;
  const last = h.pop()!;
  let levels = 0;
  if (i < h.length) {
    h[i] = last;
    last.index = i;
    levels = siftDown(h, i);
    levels += siftUp(h, last.index);
  }
  t.index = -1;
  t.pp = null;
  return levels;
}

/**
 * The CPU time of one timer-heap operation that sifted `levels` levels (cost.ts timerOp,
 * timerHeapLevel), rounded to whole ns as every default cost is (the views' µs timestamps keep ns exactly), charged to the running M (rt.curm) as debt: the goroutine arming a timer (its
 * next switch comes later by it), the M running the P's timers (the G it readies starts later).
 */
function chargeTimerOp(rt: Runtime, levels: number): void {
  const mp = rt.curm;
  if (mp !== null) mp.debt += Math.round(rt.cost.timerOp + levels * rt.cost.timerHeapLevel);
}

/** The same for taking t out of (or re-sifting it in) its heap: plus the cache misses of a timer armed long ago. */
function chargeTimerRemove(rt: Runtime, t: Timer, levels: number): void {
  const mp = rt.curm;
  if (mp !== null) mp.debt += Math.round(rt.cost.timerOp + levels * rt.cost.timerHeapLevel + coldLookup(rt.timerCold, rt.timerArms - t.armSeq));
}

/** t is (re)armed: the arm counter its later removal is measured by. */
function armed(rt: Runtime, t: Timer): void {
  t.armSeq = ++rt.timerArms;
}

/** Log P pp's heap after a change (E.Timers): its length and earliest when. */
function logTimers(rt: Runtime, pp: P, t: Timer): void {
  const h = pp.timers;
  rt.log.ev(E.Timers, t.g !== null ? t.g.goid : -1, -1, pp.id, h.length, h.length > 0 ? h[0]!.when : -1);
}

/** The P's earliest timer (0 = none): 1.19's nobarrierWakeTime. */
export function nobarrierWakeTime(pp: P): number {
  return pp.timers.length > 0 ? pp.timers[0]!.when : 0;
}

/** addtimer/modtimer: (re)arm t at `when` on pp (or its current heap). */
export function resettimer(rt: Runtime, t: Timer, when: number, pp: P): boolean {
  const wasPending = t.pp !== null;
  rt.netpollInited = true;
  t.when = when;
  if (t.pp !== null) {
    // modtimer on a timer still in its heap: it stays there; only an earlier time wakes the poller
    // (1.19: timerModifiedEarlier → wakeNetPoller).
    const earlier = when < t.pp.timers[t.index]!.when || t.index === 0;
    const h = t.pp.timers;
    const up = siftUp(h, t.index);
    chargeTimerRemove(rt, t, up + siftDown(h, t.index));
    armed(rt, t);
    logTimers(rt, t.pp, t);
    if (earlier) wakeNetPoller(rt, when);
    return wasPending;
  }
  // addtimer / modtimer of a removed timer: add to the current P, then wakeNetPoller(when)
  // unconditionally, as go1.19 does.
  t.pp = pp;
  pp.timers.push(t);
  chargeTimerOp(rt, siftUp(pp.timers, pp.timers.length - 1));
  armed(rt, t);
  rt.timerpMask[pp.id] = true;
  logTimers(rt, pp, t);
  wakeNetPoller(rt, when);
  return wasPending;
}

/** A channel timer under Go ≥ 1.23's lazy model (t.isChan && !asynctimerchan). */
function lazyChan(rt: Runtime, t: Timer): boolean {
  return rt.lazyChanTimers && t.kind === TimerKind.ChanSend;
}

/**
 * Start a timer (NewTimer, NewTicker, AfterFunc): arm it on pp. A 1.23+ channel timer only records
 * its `when` (needsAdd is false while nobody is blocked on its channel).
 */
export function timerStart(rt: Runtime, t: Timer, pp: P): void {
  if (t.ch !== null) t.ch.timer = t;
  if (lazyChan(rt, t)) {
    rt.netpollInited = true;
    return;
  }
  resettimer(rt, t, t.when, pp);
}

/**
 * timer.Stop. Returns whether it was pending. A 1.23+ channel timer is pending while `when` is set,
 * and a value already in its channel is drained and counts as pending too (time.go stop).
 */
export function timerStop(rt: Runtime, t: Timer): boolean {
  if (!lazyChan(rt, t)) return deltimer(rt, t);
  let pending = t.when > 0;
  t.when = 0;
  deltimer(rt, t);
  if (timerchandrain(t)) pending = true;
  return pending;
}

/** timer.Reset(d): re-arm at `when`. A 1.23+ channel timer is re-heaped only if someone is blocked on it (time.go modify). */
export function timerReset(rt: Runtime, t: Timer, when: number, pp: P): boolean {
  if (!lazyChan(rt, t)) return resettimer(rt, t, when, pp);
  let pending = t.when > 0;
  if (t.pp !== null || t.blocked > 0) resettimer(rt, t, when, pp);
  else t.when = when;
  if (timerchandrain(t)) pending = true;
  return pending;
}

/** timerchandrain (chan.go): drop the values in a timer channel's buffer; true if there were any. */
function timerchandrain(t: Timer): boolean {
  const c = t.ch;
  if (c === null || c.count === 0) return false;
  while (c.count > 0) c.shift();
  return true;
}

/** blockTimerChan (1.23+): a goroutine on P pp blocks receiving from t's channel; the first one heaps the timer there. */
export function blockTimerChan(rt: Runtime, t: Timer, pp: P): void {
  t.blocked++;
  if (t.pp === null && t.when > 0) resettimer(rt, t, t.when, pp);
}

/** unblockTimerChan (1.23+): a goroutine stops waiting on t's channel; the last one takes the timer out of its heap. */
export function unblockTimerChan(rt: Runtime, t: Timer): void {
  t.blocked--;
  if (t.blocked === 0 && t.pp !== null) deltimer(rt, t);
}

/**
 * maybeRunChan (1.23+): a channel operation on an unheaped channel timer that has expired runs it
 * now, on the operating goroutine's P `cur` (the value lands in the channel's buffer).
 */
export function maybeRunChan(rt: Runtime, t: Timer, cur: P): void {
  if (t.pp !== null || t.when === 0 || t.when > rt.sim.now) return;
  if (t.period > 0) t.when += t.period * (1 + Math.floor((rt.sim.now - t.when) / t.period));
  else t.when = 0;
  runOneTimer(rt, t, cur);
}

/** deltimer: stop t. Returns whether it was pending. */
export function deltimer(rt: Runtime, t: Timer): boolean {
  const pp = t.pp;
  if (pp === null) return false;
  // Go marks it deleted and a later cleantimers/adjusttimers (go1.26: cleanHead/adjust) pops it with
  // the same sifting; here it leaves at once and pays for that now.
  chargeTimerRemove(rt, t, heapRemove(pp, t));
  logTimers(rt, pp, t);
  return true;
}

/**
 * checkTimers: run pp's expired timers on behalf of `cur` (the running M's P, which gets any
 * readied G). Returns the next timer's `when` (0 = none).
 */
export function checkTimers(rt: Runtime, pp: P, now: number, cur: P): number {
  const h = pp.timers;
  while (h.length > 0) {
    const t = h[0]!;
    if (t.when > now) return t.when;
    if (t.period > 0) {
      const delta = now - t.when;
      t.when += t.period * (1 + Math.floor(delta / t.period));
      chargeTimerRemove(rt, t, siftDown(h, 0));
      armed(rt, t);
    } else {
      chargeTimerRemove(rt, t, heapRemove(pp, t));
      // 1.23+ unlockAndRun clears a fired one-shot timer's when (Stop then reports it not pending).
      if (rt.v.lazyChannelTimers) t.when = 0;
    }
    logTimers(rt, pp, t);
    runOneTimer(rt, t, cur);
    if (rt.exited) return 0;
  }
  return 0;
}

function runOneTimer(rt: Runtime, t: Timer, cur: P): void {
  rt.timerRuns++;
  switch (t.kind) {
    case TimerKind.Sleep: {
      const gp = t.g!;
      rt.log.ev(E.TimerRun, gp.goid, rt.curm ? rt.curm.id : -1, cur.id, t.kind, 0);
      goready(rt, gp, cur, null, undefined);
      break;
    }
    case TimerKind.ChanSend:
      rt.log.ev(E.TimerRun, -1, rt.curm ? rt.curm.id : -1, cur.id, t.kind, 0);
      chanTrySendFromRuntime(rt, t.ch!, t.value === null ? rt.sim.now : t.value(rt.sim.now), cur);
      break;
    case TimerKind.Func:
      rt.log.ev(E.TimerRun, -1, rt.curm ? rt.curm.id : -1, cur.id, t.kind, 0);
      newproc(rt, cur, null, t.fn!(), t.name);
      break;
  }
}

/** timeSleepUntil: the earliest timer over all Ps (Infinity = none). */
export function timeSleepUntil(rt: Runtime): number {
  let next = Infinity;
  for (const pp of rt.allp) if (pp.timers.length > 0 && pp.timers[0]!.when < next) next = pp.timers[0]!.when;
  return next;
}

/** Move all of pp's timers to `to` (a P destroyed by GOMAXPROCS). */
export function moveTimers(rt: Runtime, pp: P, to: P): void {
  const ts = pp.timers.slice();
  pp.timers.length = 0;
  rt.log.ev(E.Timers, -1, -1, pp.id, 0, -1);
  for (const t of ts) {
    t.pp = null;
    t.index = -1;
    resettimer(rt, t, t.when, to);
  }
}
