/**
 * The network poller (Go: netpoll.go + netpoll_epoll.go). Spec §10.
 *
 * A PollDesc is one non-blocking fd. A goroutine that would block on it parks in netpollblock
 * ("IO wait") and its M moves on. The device side (the peer, the network) makes the fd ready at
 * some time: that puts it on the epoll ready list, but nobody runs until someone calls netpoll():
 *   - findRunnable, non-blocking, before stealing (runs the first G, injects the rest);
 *   - findRunnable, blocking, by the one M that gave up its P (sched.lastpoll = 0 while it waits);
 *   - sysmon, non-blocking, when the last poll is more than 10 ms old.
 * netpoll returns at most 128 Gs, pushed to the head of the list (LIFO in event order).
 *
 * epoll_wait's timeout is whole milliseconds: <0 → forever, 0 → non-blocking, (0,1ms) → 1 ms, else
 * truncated; a timed-out wait also gets the kernel's timer slack. Unlike nanosleep's and futex's
 * fixed slack (the thread's timer_slack_ns, 50 µs), epoll_wait's is 0.1 % of the timeout when that
 * is larger (Linux fs/select.c select_estimate_accuracy), so a 99 ms poll returns ≈50 µs later still. netpollBreak writes a pipe that
 * the poller watches; the write is remembered (netpollWakeSig) so the next blocking poll returns at
 * once if nobody was polling. 1.19 never decrements netpollWaiters on the ready path (spec §10), so
 * once a G has waited on the network, findRunnable always tries the non-blocking poll, and the M
 * that finds nothing to do blocks in netpoll for good (checkdead never sees all Ms idle). Since 1.22
 * (VersionProfile.netpollWaiterDelta) netpoll returns a delta, −1 per waiting G it readies, that the
 * callers apply (netpollAdjustWaiters) after injecting the list: netpollWaiters counts the Gs
 * parked in "IO wait" now.
 */
import { E, FoundBy, Loc, MS } from '../log/events.js';
import type { EventTarget } from '../kernel/sim.js';
import type { Runtime } from './runtime.js';
import { G, M, _Grunnable } from './runtime2.js';
import { T, acquirep, becomeSpinning, gopark, goready, pidleget, runFound, schedule, setMState, stopm } from './proc.js';
import { injectglist } from './runq.js';

/** Maximum events one epoll_wait returns (netpoll's events array). */
export const netpollMaxEvents = 128;

export class PollDesc implements EventTarget {
  /** Set when the descriptor is first used with a runtime. */
  rt: Runtime | null;
  /** The G parked reading it (pd.rg), or null. */
  rg: G | null = null;
  /** Ready and not yet consumed (pd.rg == pdReady). */
  ready = false;
  /** On the epoll ready list, waiting for a netpoll call. */
  queued = false;
  name: string;
  constructor(rt: Runtime | null = null, name = 'fd') {
    this.rt = rt;
    this.name = name;
  }
  /** Device event: the fd became ready. */
  fire(): void {
    netpollReadyEvent(this.rt!, this);
  }
}

/** The device made pd ready: queue it for epoll and wake a blocked poller. */
function netpollReadyEvent(rt: Runtime, pd: PollDesc): void {
  if (rt.exited) return;
  if (!pd.queued) {
    pd.queued = true;
    rt.netReady.pushBack(pd);
  }
  const poller = rt.netpoller;
  if (poller !== null) wakePoller(rt, poller);
}

/** epoll_wait returns in the blocked poller's thread (after a thread wake-up). */
function wakePoller(rt: Runtime, mp: M): void {
  if (mp.pollWoken) return;
  mp.pollWoken = true;
  mp.gen++;
  rt.os.wakeSend(mp, mp, T.NetpollDone, rt.latency(rt.cost.futexWake));
}

/** netpollblock: park gp on pd until it is ready (or return at once if it already is). */
export function netpollblock(rt: Runtime, mp: M, gp: G, pd: PollDesc): boolean {
  rt.netpollInited = true;
  if (pd.ready) {
    pd.ready = false;
    return false;
  }
  pd.rg = gp;
  rt.netpollWaiters++;
  gopark(rt, mp, gp, 'IO wait', Loc.Netpoll);
  return true;
}

/**
 * poll_runtime_pollSetDeadline with a read deadline in the past (both releases' netpoll.go): netpollunblock
 * takes the G parked on pd, if any, and netpollgoready readies it from the calling M — goready puts it in
 * this P's runnext — and takes it off netpollWaiters (1.19: Xadd −1; 1.22+: the delta, netpollAdjustWaiters).
 * The fd's epoll state is untouched. Returns whether a G was readied.
 */
export function netpollUnblock(rt: Runtime, mp: M, pd: PollDesc): boolean {
  pd.rt = rt;
  const gp = pd.rg;
  if (gp === null) return false;
  pd.rg = null;
  rt.netpollWaiters--;
  goready(rt, gp, mp.p!, mp.curg, undefined);
  return true;
}

/** Arm pd to become ready `ns` from now (the peer writes, the packet arrives). */
export function netpollArm(rt: Runtime, pd: PollDesc, ns: number): void {
  rt.netpollInited = true;
  pd.rt = rt;
  rt.sim.after(ns, pd, 0);
}

/**
 * netpoll(0): collect ready Gs without blocking (at most 128, LIFO). The caller injects them.
 */
export function netpoll(rt: Runtime, mp: M | null, delay: number): G[] {
  const ready = rt.netReady;
  if (ready.size === 0) {
    // Nothing ready (most calls from findRunnable): no list to allocate.
    rt.log.ev(E.Netpoll, -1, mp ? mp.id : -1, mp && mp.p ? mp.p.id : -1, 0, delay);
    return noGs;
  }
  // At most 128 events per epoll_wait; the Gs are pushed on a gList (head first): LIFO. The list
  // is filled from its end, sized for every event taken, and trimmed if some fd had no waiter.
  const n = ready.size < netpollMaxEvents ? ready.size : netpollMaxEvents;
  let list: G[] = new Array<G>(n);
  let j = n;
  for (let taken = 0; taken < n; taken++) {
    const pd = ready.popFront()!;
    pd.queued = false;
    const gp = pd.rg;
    if (gp !== null) {
      pd.rg = null;
      pd.ready = false;
      list[--j] = gp;
    } else {
      pd.ready = true;
    }
  }
  if (j > 0) list = list.slice(j);
  rt.log.ev(E.Netpoll, -1, mp ? mp.id : -1, mp && mp.p ? mp.p.id : -1, list.length, delay);
  return list;
}

/**
 * netpollAdjustWaiters (1.22+ netpoll.go): apply the delta netpoll returned with its list, −1 per
 * waiting G it unblocked (netpollunblock), so pass −list length. Go 1.19 has no such step: its
 * counter only grows on this path (see the module note).
 */
export function netpollAdjustWaiters(rt: Runtime, delta: number): void {
  if (rt.v.netpollWaiterDelta) rt.netpollWaiters += delta;
}

/** What netpoll returns when nothing is ready. Never mutated: callers only read an empty list. */
const noGs: G[] = Object.freeze([]) as unknown as G[];

/** Linux's default timer_slack_ns (init_task.timer_slack_ns): the slack of nanosleep/futex timeouts. */
export const linuxTimerSlackNs = 50_000;
/** select_estimate_accuracy: a poll/epoll timeout's slack is timeout / 1000 (nice ≤ 0), at least timer_slack_ns. */
export const pollSlackDivisor = 1000;

/** The slack epoll_wait adds beyond a nanosleep's for a timeout of `ns` (0 up to 50 ms). */
export function epollExtraSlack(ns: number): number {
  return Math.max(0, ns / pollSlackDivisor - linuxTimerSlackNs);
}

/** epoll_wait's timeout in ms for a netpoll delay in ns (−1 = forever). */
export function epollTimeoutMs(delay: number): number {
  if (delay < 0) return -1;
  if (delay === 0) return 0;
  if (delay < 1e6) return 1;
  if (delay < 1e15) return Math.floor(delay / 1e6);
  return 1e9;
}

/** findRunnable step 13: mp (no P) blocks in netpoll(delay). */
export function netpollBlock(rt: Runtime, mp: M, delay: number): void {
  rt.netpoller = mp;
  mp.debt = 0;
  mp.pollWoken = false;
  mp.blocked = false;
  const ms = epollTimeoutMs(delay);
  setMState(rt, mp, MS.Netpoll, ms < 0 ? -1 : ms * 1e6);
  if (rt.netReady.size > 0 || rt.netpollWakeSig) {
    // Events (or a break) are already pending: epoll_wait returns at once.
    mp.pollWoken = true;
    rt.sim.after(rt.cost.epollCall, mp, T.NetpollDone, mp.gen);
    return;
  }
  if (ms >= 0) {
    const wait = ms === 0 ? 0 : rt.oversleep(ms * 1e6) + epollExtraSlack(ms * 1e6);
    rt.sim.after(wait + rt.cost.epollCall, mp, T.NetpollDone, mp.gen);
  }
  // ms < 0: blocks until a ready fd or netpollBreak.
}

/** T.NetpollDone: epoll_wait returned in the blocked poller; continue findRunnable after it. */
export function netpollDone(rt: Runtime, mp: M): void {
  rt.netpoller = null;
  mp.pollWoken = false;
  // Reading the break pipe clears the wake signal (delay != 0).
  rt.netpollWakeSig = false;
  const list = netpoll(rt, mp, -1);
  const sched = rt.sched;
  sched.pollUntil = 0;
  sched.lastpoll = Math.max(rt.sim.now, 1);
  const pp = pidleget(rt);
  if (pp === null) {
    injectglist(rt, list, null);
    netpollAdjustWaiters(rt, -list.length);
    if (rt.exited) return;
    setMState(rt, mp, MS.Scheduling);
    stopm(rt, mp);
    return;
  }
  acquirep(rt, mp, pp);
  setMState(rt, mp, MS.Scheduling);
  if (list.length > 0) {
    const n = list.length;
    const gp = list.pop()!;
    injectglist(rt, list, pp);
    netpollAdjustWaiters(rt, -n);
    gp.atomicstatus = _Grunnable;
    rt.log.ev(E.GLoc, gp.goid, mp.id, pp.id, Loc.None, 0);
    rt.log.ev(E.Found, gp.goid, mp.id, pp.id, FoundBy.BlockingNetpoll, 0);
    rt.inheritTime = false;
    runFound(rt, mp, gp);
    return;
  }
  if (mp.wasSpinning) becomeSpinning(rt, mp);
  schedule(rt, mp);
}

/** netpollBreak: interrupt the blocked poller (coalesced by netpollWakeSig). */
export function netpollBreak(rt: Runtime): void {
  if (rt.netpollWakeSig) return;
  rt.netpollWakeSig = true;
  const mp = rt.netpoller;
  rt.log.ev(E.NetpollBreak, -1, rt.curm ? rt.curm.id : -1, -1, mp ? mp.id : -1, 0);
  if (mp !== null) wakePoller(rt, mp);
}
