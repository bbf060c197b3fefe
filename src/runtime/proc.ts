/**
 * The scheduler proper (Go: proc.go): goroutine creation, parking and readying, the scheduling
 * loop (schedule → findRunnable → execute), work stealing, and the M lifecycle (wakep, startm,
 * stopm, handoffp, newm, locked Ms), plus checkdead. Spec §3–§6, §13–§15.
 *
 * How a thread's life maps onto events. Each M is a process of the kernel. Runtime code runs
 * instantaneously inside one event (each event is one atomic step, like holding sched.lock); the
 * time it costs is charged to the M's next event (cost.ts; `M.debt` carries costs incurred inside
 * runtime calls, such as a clone() in newm, to the M's next step). An M blocks in exactly these places,
 * each a pending event or a wait for someone else's wakeup:
 *   running a G's op (T.Run / T.CoopPreempt), a syscall (T.SyscallDone), epoll_wait (T.NetpollDone),
 *   the 3 µs runnext-steal back-off (T.StealRetry), parked on m.park (woken by notewakeup → T.Wake),
 *   thread creation (T.Start), and the timers findRunnable ran (T.TimersRun: their cost, or until the M
 *   their wakep woke onto this M's CPU leaves it — timersRunPause). SIGURG (T.Signal) is delivered beside whatever the M does.
 * `findRunnable` therefore either returns a G or leaves the M blocked in one of those states; the
 * code after the blocking point in Go (e.g. after netpoll returns, after stopm wakes) is the
 * handler of the corresponding event.
 *
 * Invariant: handoffp starts an M in exactly the cases findRunnable would find work on that P.
 *
 * Versions (version.ts): since Go 1.21 (`needspinning`) whoever finds work for a spinning M takes the
 * idle P itself (pidlegetSpinning, which sets sched.needspinning when none is idle), a non-spinning M
 * about to drop its P spins instead while needspinning is set, and a spinning M dropping its P
 * re-checks the global queue as well as the Ps' run queues; becomeSpinning clears the flag.
 */
import { E, FoundBy, Loc, MS } from '../log/events.js';
import type { Runtime } from './runtime.js';
import {
  G,
  M,
  P,
  Resume,
  fairnessTicks,
  goidCacheBatch,
  stealTries,
  runnextStealBackoff,
  _Gdead,
  _Grunnable,
  _Grunning,
  _Gwaiting,
  _Gsyscall,
  _Gpreempted,
  _Pidle,
  _Prunning,
} from './runtime2.js';
import { globrunqget, injectglist, runqempty, runqget, runqput, runqsteal } from './runq.js';
import { checkTimers, nobarrierWakeTime } from './time.js';
import { coldLookup } from './cost.js';
import { netpoll, netpollAdjustWaiters, netpollBreak, netpollBlock } from './netpoll.js';
import type { GoBody } from '../workload/ops.js';
import { onCpuState } from './os.js';
import { findRunnableGCWorker, findRunnableIdleGCWorker, gcMarkWorkAvailable, releaseNextGCMarkWorker } from './mgc.js';

/** Event tags of an M (see the module note). */
export const T = {
  Run: 1,
  SyscallDone: 2,
  Wake: 3,
  Start: 4,
  NetpollDone: 5,
  StealRetry: 6,
  Signal: 7,
  CoopPreempt: 8,
  TimersRun: 9,
} as const;

// ---------------------------------------------------------------------------------------------
// goroutine ids, creation, exit

/** Take the next goroutine id from pp's batch (goidcache), refilling 16 at a time. */
function newGoid(rt: Runtime, pp: P): number {
  if (pp.goidcache === pp.goidcacheend) {
    rt.sched.goidgen += goidCacheBatch;
    pp.goidcache = rt.sched.goidgen - goidCacheBatch + 1;
    pp.goidcacheend = rt.sched.goidgen + 1;
  }
  return pp.goidcache++;
}

/**
 * newproc: create a goroutine running `body` on pp's runnext (kicking the previous one to the
 * tail), then wakep() once runtime.main has started. Spec §3.
 */
export function newproc(rt: Runtime, pp: P, parent: G | null, body: GoBody, name: string, system = false, queue = true): G {
  const goid = newGoid(rt, pp);
  let gp = gfget(rt, pp);
  if (gp === null) {
    // malg + allgadd: the thread running newproc pays for a new G and its stack.
    gp = new G(goid, name, parent ? parent.goid : 0, body);
    rt.allgs.push(gp);
    if (rt.curm !== null) rt.curm.debt += rt.cost.goroutineAlloc;
  } else {
    gp.reuse(goid, name, parent ? parent.goid : 0, body);
  }
  gp.system = system;
  gp.lastExec = rt.execSeq;
  if (!system) rt.nUserG++;
  gp.atomicstatus = _Grunnable;
  if (rt.log.active) rt.log.ev(E.GoCreate, gp.goid, -1, pp.id, parent ? parent.goid : -1, rt.log.str(name));
  if (parent) rt.log.ev(E.NewProc, parent.goid, -1, pp.id, gp.goid, 0);
  // queue = false: the caller parks it at once (mgc.ts gcBgMarkStartWorkers).
  if (!queue) return gp;
  runqput(rt, pp, gp, true);
  if (rt.mainStarted) wakep(rt);
  return gp;
}

/**
 * goexit0: the G is dead; cache it on the P; a G that exits while locked to its thread takes the
 * thread with it (mexit). Then schedule().
 */
export function goexit0(rt: Runtime, mp: M, gp: G): void {
  gp.atomicstatus = _Gdead;
  gp.body = null;
  gp.m = null;
  mp.curg = null;
  if (!gp.system) rt.nUserG--;
  rt.log.ev(E.GLoc, gp.goid, mp.id, mp.p ? mp.p.id : -1, Loc.Dead, 0);
  const pp = mp.p!;
  gfput(rt, pp, gp);
  mp.debt += rt.cost.goroutineExit;
  const locked = gp.lockedm !== null;
  if (locked) {
    gp.lockedm = null;
    mp.lockedg = null;
    mp.lockedInt = 0;
    if (mp.lockedExt !== 0) {
      // The thread may be in an arbitrary state: it exits (spec §15). go1.19 (linux) leaves
      // m.lockedExt set on the way out (goexit0 clears it only on plan9), so a thread that mexit's
      // handoffp has to create is still asked of the template thread (newm), not cloned from here.
      mexit(rt, mp);
      return;
    }
  }
  schedule(rt, mp);
}

/** gfput: cache a dead G on pp; beyond 64, move a batch of 32 to the global cache. */
function gfput(rt: Runtime, pp: P, gp: G): void {
  pp.gFree.push(gp);
  if (pp.gFree.length >= 64) {
    const batch = pp.gFree.splice(pp.gFree.length - 32, 32);
    for (const g of batch) rt.sched.gFree.push(g);
  }
}

/** gfget: reuse a dead G from pp's cache, refilling up to 32 from the global cache. */
function gfget(rt: Runtime, pp: P): G | null {
  if (pp.gFree.length === 0 && rt.sched.gFree.length > 0) {
    for (let i = 0; i < 32 && rt.sched.gFree.length > 0; i++) pp.gFree.push(rt.sched.gFree.pop()!);
  }
  return pp.gFree.pop() ?? null;
}

// ---------------------------------------------------------------------------------------------
// parking and readying

/**
 * gopark: the running G goes to _Gwaiting with `reason`, M drops it and schedules. The "unlock
 * function" work (enqueueing the G on a channel, arming a timer) is done by the caller before.
 */
export function gopark(rt: Runtime, mp: M, gp: G, reason: string, loc: number = Loc.Waiting): void {
  gp.atomicstatus = _Gwaiting;
  gp.waitreason = reason;
  gp.m = null;
  mp.curg = null;
  if (rt.log.active) {
    const rid = rt.log.str(reason);
    rt.log.ev(E.Park, gp.goid, mp.id, mp.p ? mp.p.id : -1, 0, rid);
    rt.log.ev(E.GLoc, gp.goid, mp.id, mp.p ? mp.p.id : -1, loc, rid);
  }
  schedule(rt, mp);
}

/**
 * goready/ready: make gp runnable in the runnext of pp (the waker's P) and wakep(). `value` is the
 * result the G sees when it runs (e.g. the received value).
 */
export function goready(rt: Runtime, gp: G, pp: P, by: G | null, value: unknown, next = true): void {
  gp.resume = value;
  gp.atomicstatus = _Grunnable;
  // ready() touches gp (casgstatus, runqput): cold if it has not run for a while. The readier pays, and
  // gp counts as touched, so a switch to it right after is hot (a ring hop pays the cold cost once, as
  // measured); one that waits in a run queue behind others goes cold again (N sleepers readied in a batch).
  const mp = rt.curm;
  if (mp !== null) mp.debt += coldLookup(rt.coldSwitch, rt.execSeq - gp.lastExec);
  gp.lastExec = rt.execSeq;
  rt.log.ev(E.Ready, gp.goid, -1, pp.id, by ? by.goid : -1, 0);
  runqput(rt, pp, gp, next);
  wakep(rt);
}

// ---------------------------------------------------------------------------------------------
// P and M bookkeeping

export function acquirep(rt: Runtime, mp: M, pp: P): void {
  mp.p = pp;
  pp.m = mp;
  pp.oldm = mp;
  pp.status = _Prunning;
  rt.log.ev(E.PState, -1, mp.id, pp.id, _Prunning, 0);
}

export function releasep(rt: Runtime, mp: M): P {
  const pp = mp.p!;
  // "P must clear if nextGCMarkWorker if it stops."
  releaseNextGCMarkWorker(rt, pp);
  mp.p = null;
  pp.m = null;
  pp.status = _Pidle;
  rt.log.ev(E.PState, -1, -1, pp.id, _Pidle, 0);
  return pp;
}

/** pidleput: put an idle P (empty runq) on the LIFO idle list. */
export function pidleput(rt: Runtime, pp: P): void {
  pp.status = _Pidle;
  pp.m = null;
  rt.idlepMask[pp.id] = true;
  rt.timerpMask[pp.id] = pp.timers.length > 0;
  pp.link = rt.sched.pidle;
  rt.sched.pidle = pp;
  rt.sched.npidle++;
  rt.log.ev(E.PState, -1, -1, pp.id, _Pidle, 1);
}

export function pidleget(rt: Runtime): P | null {
  const pp = rt.sched.pidle;
  if (pp !== null) {
    rt.timerpMask[pp.id] = true;
    rt.idlepMask[pp.id] = false;
    rt.sched.pidle = pp.link;
    pp.link = null;
    rt.sched.npidle--;
    rt.log.ev(E.PState, -1, -1, pp.id, pp.status, 0);
  }
  return pp;
}

function mput(rt: Runtime, mp: M): void {
  mp.schedlink = rt.sched.midle;
  rt.sched.midle = mp;
  rt.sched.nmidle++;
  checkdead(rt);
}

function mget(rt: Runtime): M | null {
  const mp = rt.sched.midle;
  if (mp !== null) {
    rt.sched.midle = mp.schedlink;
    mp.schedlink = null;
    rt.sched.nmidle--;
  }
  return mp;
}

/** mgetSpecific (newer proc.go): take M mp off the idle list if it is there (null if it is not idle). */
export function mgetSpecific(rt: Runtime, mp: M): M | null {
  let prev: M | null = null;
  for (let m = rt.sched.midle; m !== null; prev = m, m = m.schedlink) {
    if (m !== mp) continue;
    if (prev === null) rt.sched.midle = m.schedlink;
    else prev.schedlink = m.schedlink;
    m.schedlink = null;
    rt.sched.nmidle--;
    return m;
  }
  return null;
}

/** Hand P pp to the idle M nmp (taken off the idle list) and wake it: startm's path with a given M. */
export function startmOn(rt: Runtime, pp: P, nmp: M): void {
  nmp.nextp = pp;
  rt.log.ev(E.StartM, -1, nmp.id, pp.id, 0, 0);
  notewakeup(rt, nmp);
}

export function setMState(rt: Runtime, mp: M, state: number, extra = 0): void {
  // A thread computing in a system call (M.kernelCpu) stays on its CPU for the OS.
  const was = onCpuState[mp.state]! || (mp.state === MS.Syscall && mp.kernelCpu);
  if (mp.state === MS.Syscall && state !== MS.Syscall) mp.kernelCpu = false;
  const now = onCpuState[state]! || (state === MS.Syscall && mp.kernelCpu);
  if (was !== now) {
    if (now) rt.os.cpuOn(mp);
    else {
      rt.os.cpuOff(mp, rt.sim.now);
      if (mp.stalledWaker !== null) releaseStalledWaker(rt, mp);
    }
  }
  mp.state = state as M['state'];
  rt.log.ev(E.MState, mp.curg ? mp.curg.goid : -1, mp.id, mp.p ? mp.p.id : -1, state, extra);
}

export function setSpinning(rt: Runtime, mp: M, on: boolean): void {
  mp.spinning = on;
  rt.log.ev(E.MSpin, -1, mp.id, mp.p ? mp.p.id : -1, on ? 1 : 0, 0);
}

/**
 * notewakeup(&mp.park): the parked M runs again after a futex wake. The calling thread (the M
 * running now, if any: a device or timer event has none) is in futex(FUTEX_WAKE) meanwhile, charged
 * as debt to its next step (cost.futexWakeCall).
 */
export function notewakeup(rt: Runtime, mp: M): void {
  const cur = rt.curm;
  if (cur !== null && cur !== mp) {
    cur.debt += rt.cost.futexWakeCall;
    if (cur.cpu >= 0 && rt.os.selectCpu(mp) === cur.cpu) cur.wokeLocal = mp;
  }
  mp.wakeAt = rt.os.wakeSend(mp, mp, T.Wake, rt.latency(rt.cost.futexWake));
  setMState(rt, mp, MS.Waking);
}

/** stopm: park on the idle list (checkdead runs in mput). Woken by startm with a nextp. */
export function stopm(rt: Runtime, mp: M): void {
  rt.log.ev(E.StopM, -1, mp.id, -1, 0, 0);
  mp.debt = 0; // time spent before parking is not charged to the next wake-up
  mp.resume = Resume.Schedule;
  mp.blocked = true;
  setMState(rt, mp, MS.Idle);
  mput(rt, mp);
}

/** mcount(): threads ever created minus threads that exited (schedtrace's threads=). */
export function mcount(rt: Runtime): number {
  return rt.sched.mnext - rt.sched.nmfreed;
}

/** mReserveID: take the next M id and check the thread limit (checkmcount). */
function mReserveID(rt: Runtime): number | null {
  const id = rt.sched.mnext;
  rt.sched.mnext++;
  if (mcount(rt) > rt.sched.maxmcount) {
    rt.throw(`thread exhaustion`, `runtime: program exceeds ${rt.sched.maxmcount}-thread limit\n`, ['checkmcount', 'mReserveID'], true);
    return null;
  }
  return id;
}

/**
 * newm: a new thread for M `id` that will start by acquiring `pp` (may be null). From a locked M
 * the request goes through the template thread (one more wakeup). Spec §6.3.
 *
 * Otherwise newm1 → newosproc runs clone() on the calling thread: the caller (a `go` statement's
 * wakep, a handoffp, sysmon's retake) is busy for cost.cloneCall, charged as debt to its next
 * step, while the child starts threadCreate after the call began. That time matters: in go1.19's
 * start-up, m0 is inside clone() for forcegchelper's M while that M already spins, so it steals
 * the GC goroutines and main ends up on P1 (conformance deadlock_text: goroutine 17).
 */
export function newm(rt: Runtime, pp: P | null, id: number, spinning: boolean): M {
  const mp = new M(rt, id);
  rt.allm.push(mp);
  mp.nextp = pp;
  mp.spinning = spinning;
  rt.log.ev(E.MCreate, -1, mp.id, pp ? pp.id : -1, 0, 0);
  if (spinning) rt.log.ev(E.MSpin, -1, mp.id, -1, 1, 0);
  // No jitter here: threads start in the order they were cloned (go1.19's startup thread counts
  // depend on it: conformance/reference/go1.19/startup_threads.json, 5 threads at GOMAXPROCS=4 in 9/9 runs).
  let delay = rt.cost.threadCreate;
  const cur = rt.curm;
  if (cur !== null && (cur.lockedExt !== 0 || cur.incgo) && rt.templateThread !== null) delay += rt.latency(rt.cost.futexWake);
  else if (cur !== null) cur.debt += rt.cost.cloneCall; // the caller is inside clone() meanwhile (newosproc)
  mp.wakeAt = rt.os.threadStart(mp, T.Start, delay);
  return mp;
}

/** mstart for a user M: acquire the P it was created for and schedule. */
export function mstart(rt: Runtime, mp: M): void {
  if (mp.p !== null) {
    // m0 starts holding P0 (schedinit's procresize).
    setMState(rt, mp, MS.Scheduling);
    schedule(rt, mp);
    return;
  }
  if (mp.nextp === null) {
    // Its P was taken by a stop-the-world while the thread was being created.
    setMState(rt, mp, MS.Scheduling);
    stopm(rt, mp);
    return;
  }
  const pp = mp.nextp;
  mp.nextp = null;
  acquirep(rt, mp, pp);
  setMState(rt, mp, MS.Scheduling);
  schedule(rt, mp);
}

/** T.Wake: a parked M runs again (stopm or stoplockedm returns). */
export function mwake(rt: Runtime, mp: M): void {
  mp.blocked = false;
  // Whoever wakes an M hands it a P; a stop-the-world cancels the wake-up when it takes that P.
  const pp = mp.nextp;
  if (pp === null) {
    rt.throw('mwake: woken without a P');
    return;
  }
  mp.nextp = null;
  acquirep(rt, mp, pp);
  if (mp.resume === Resume.ExecuteLocked) {
    execute(rt, mp, mp.lockedg!, false);
    return;
  }
  setMState(rt, mp, MS.Scheduling);
  schedule(rt, mp);
}

/**
 * startm: run P `pp` (or an idle P) on an idle M, or a new one. If no P is free, do nothing (and
 * undo the caller's nmspinning increment, 1.19).
 */
export function startm(rt: Runtime, pp: P | null, spinning: boolean): M | null {
  rt.stack.push('startm');
  const mp = startm1(rt, pp, spinning);
  rt.stack.pop();
  return mp;
}

/** Returns the M that will run the P (woken or new), or null when no P was free. */
function startm1(rt: Runtime, pp: P | null, spinning: boolean): M | null {
  if (pp === null) {
    pp = pidleget(rt);
    if (pp === null) {
      if (spinning) rt.sched.nmspinning--;
      return null;
    }
  }
  const nmp = mget(rt);
  if (nmp === null) {
    const id = mReserveID(rt);
    if (id === null) return null;
    const mp = newm(rt, pp, id, spinning);
    rt.log.ev(E.StartM, -1, mp.id, pp.id, spinning ? 1 : 0, 1);
    return mp;
  }
  nmp.nextp = pp;
  rt.log.ev(E.StartM, -1, nmp.id, pp.id, spinning ? 1 : 0, 0);
  if (spinning) setSpinning(rt, nmp, true);
  notewakeup(rt, nmp);
  return nmp;
}

/**
 * wakep: if there is an idle P and nobody is spinning, start a spinning M. 1.19 looks at npidle first
 * and lets startm take the P; since 1.21 (needspinning) nobody spinning is the only precondition and
 * wakep takes the P itself under sched.lock with pidlegetSpinning, which sets sched.needspinning when
 * none is idle (go1.26.8 proc.go wakep).
 */
export function wakep(rt: Runtime): void {
  const sched = rt.sched;
  // A stop-the-world in progress has taken (or is taking) every idle P under sched.lock, so Go's
  // startm finds none: a G readied meanwhile (a mark worker's credit flush as the STW stops it) runs
  // when the world starts again.
  if (sched.gcwaiting) return;
  if (rt.v.needspinning) {
    if (sched.nmspinning !== 0) return;
    sched.nmspinning++;
    const pp = pidlegetSpinning(rt);
    if (pp === null) {
      sched.nmspinning--;
      return;
    }
    rt.log.ev(E.Wakep, -1, -1, -1, 1, 0);
    rt.stack.push('wakep');
    startm(rt, pp, true);
    rt.stack.pop();
    return;
  }
  if (sched.npidle === 0) return;
  if (sched.nmspinning !== 0) return;
  sched.nmspinning++;
  rt.log.ev(E.Wakep, -1, -1, -1, 1, 0);
  rt.stack.push('wakep');
  startm(rt, null, true);
  rt.stack.pop();
}

/**
 * pidlegetSpinning (Go ≥ 1.21): pidleget for someone who found work for a spinning M; when no P is
 * idle, set sched.needspinning so that a non-spinning M about to drop its P spins instead.
 */
export function pidlegetSpinning(rt: Runtime): P | null {
  const pp = pidleget(rt);
  if (pp === null) rt.sched.needspinning = 1;
  return pp;
}

/** becomeSpinning: mp searches for work (nmspinning++); since 1.21 it also clears sched.needspinning. */
export function becomeSpinning(rt: Runtime, mp: M): void {
  setSpinning(rt, mp, true);
  rt.sched.nmspinning++;
  if (rt.v.needspinning) rt.sched.needspinning = 0;
}

/**
 * handoffp: the P's M is about to block (syscall retake, entersyscallblock, a locked M parking,
 * mexit). Start an M for it if findRunnable would find work there; otherwise idle it. Spec §6.5.
 */
export function handoffp(rt: Runtime, pp: P): void {
  rt.stack.push('handoffp');
  handoffp1(rt, pp);
  rt.stack.pop();
}

function handoffp1(rt: Runtime, pp: P): void {
  const sched = rt.sched;
  // 1. local or global work
  if (!runqempty(pp) || sched.runq.size !== 0) {
    rt.log.ev(E.Handoff, -1, -1, pp.id, 1, -1);
    startm(rt, pp, false);
    return;
  }
  // 2. the trace reader is not modelled.
  // 3. GC mark work: a P that could run a mark worker gets an M.
  if (rt.gc.blackenEnabled && gcMarkWorkAvailable(rt)) {
    rt.log.ev(E.Handoff, -1, -1, pp.id, 3, -1);
    startm(rt, pp, false);
    return;
  }
  // 4. nobody is spinning or idle: this P supplies a searcher.
  if (sched.nmspinning + sched.npidle === 0) {
    sched.nmspinning++;
    if (rt.v.needspinning) sched.needspinning = 0;
    rt.log.ev(E.Handoff, -1, -1, pp.id, 4, -1);
    startm(rt, pp, true);
    return;
  }
  // 5, 6: stop-the-world is handled by stopTheWorld(); no safe-point function is pending when a P is
  //    handed off (exec.ts forEachP).
  // 7. global work (checked again under the lock)
  if (sched.runq.size !== 0) {
    rt.log.ev(E.Handoff, -1, -1, pp.id, 7, -1);
    startm(rt, pp, false);
    return;
  }
  // 8. the last running P and nobody polls the network: keep someone polling.
  if (sched.npidle === rt.gomaxprocs - 1 && sched.lastpoll !== 0) {
    rt.log.ev(E.Handoff, -1, -1, pp.id, 8, -1);
    startm(rt, pp, false);
    return;
  }
  // 9. idle the P; make sure its timers are watched.
  const when = nobarrierWakeTime(pp);
  rt.log.ev(E.Handoff, -1, -1, pp.id, 9, -1);
  pidleput(rt, pp);
  if (when !== 0) wakeNetPoller(rt, when);
}

/** wakeNetPoller: make sure someone will notice a timer at `when`. */
export function wakeNetPoller(rt: Runtime, when: number): void {
  if (rt.sched.lastpoll === 0) {
    const pollerPollUntil = rt.sched.pollUntil;
    if (pollerPollUntil === 0 || pollerPollUntil > when) netpollBreak(rt);
  } else {
    wakep(rt);
  }
}

/** resetspinning: a spinning M found work; keep one searcher alive (wakep). */
function resetspinning(rt: Runtime, mp: M): void {
  setSpinning(rt, mp, false);
  rt.sched.nmspinning--;
  if (rt.sched.nmspinning < 0) rt.throw('findrunnable: negative nmspinning');
  wakep(rt);
}

// ---------------------------------------------------------------------------------------------
// the scheduling loop

/** execute: run gp on mp; a new time slice unless inheritTime. */
export function execute(rt: Runtime, mp: M, gp: G, inheritTime: boolean): void {
  const pp = mp.p!;
  mp.curg = gp;
  gp.m = mp;
  gp.atomicstatus = _Grunning;
  gp.preempt = false;
  if (!inheritTime) pp.schedtick++;
  rt.log.ev(E.GLoc, gp.goid, mp.id, pp.id, Loc.Running, mp.id);
  rt.log.ev(E.Execute, gp.goid, mp.id, pp.id, inheritTime ? 1 : 0, pp.schedtick);
  setMState(rt, mp, MS.Running);
  // The switch, plus its working-set cost: gp's g, sudog and stack went cold while others ran.
  const seq = ++rt.execSeq;
  const delay = rt.cost.goroutineSwitch + coldLookup(rt.coldSwitch, seq - gp.lastExec - 1) + mp.debt;
  gp.lastExec = seq;
  mp.debt = 0;
  // A preemption request that sysmon makes during the switch is lost (M.switchingUntil says why).
  mp.switchingUntil = rt.sim.now + delay;
  if (rt.inRunG === mp) {
    // Inside this M's run loop (exec.ts runG): it runs the new G next, ahead if it can.
    rt.contM = mp;
    rt.contDelay = delay;
    return;
  }
  rt.sim.after(delay, mp, T.Run, mp.gen);
}

/** schedule: one round of the scheduler on mp. Spec §4.1. */
export function schedule(rt: Runtime, mp: M): void {
  if (rt.exited) return;
  if (mp.lockedg !== null) {
    stoplockedm(rt, mp);
    return;
  }
  if (mp.state !== MS.Scheduling) setMState(rt, mp, MS.Scheduling);
  mp.p!.preempt = false;
  const gp = findRunnable(rt, mp);
  if (gp !== null) runFound(rt, mp, gp);
}

/** The part of schedule() after findRunnable returned gp (also reached from blocking points). */
export function runFound(rt: Runtime, mp: M, gp: G): void {
  const inheritTime = rt.inheritTime;
  if (mp.spinning) resetspinning(rt, mp);
  if (rt.exited) return;
  if (gp.lockedm !== null && gp.lockedm !== mp) {
    startlockedm(rt, mp, gp);
    return;
  }
  execute(rt, mp, gp, inheritTime);
}

/**
 * findRunnable: find a G to run, or block the M (returns null). Order of checks as in 1.19,
 * spec §4.2. Sets rt.inheritTime for the returned G.
 */
export function findRunnable(rt: Runtime, mp: M): G | null {
  const sched = rt.sched;
  for (;;) {
    const pp = mp.p!;
    const now = rt.sim.now;
    // 2. run expired timers (may ready Gs into pp's runnext). The M's clock is ahead of the event's by
    // the work it has done since (mp.debt: the park, resetForSleep's heap insert…), and nanotime() reads
    // that clock: a timer due within it has expired (a time.Sleep(1 ns) comes straight back).
    const runs = rt.timerRuns;
    mp.wokeLocal = null;
    let pollUntil = checkTimers(rt, pp, now + mp.debt, pp);
    if (rt.exited) return null;
    if (rt.timerRuns !== runs && (mp.debt > 0 || mp.wokeLocal !== null)) {
      timersRunPause(rt, mp);
      return null;
    }

    // 3. a GC mark worker, during a mark phase (mgc.ts)
    if (rt.gc.blackenEnabled) {
      const gp = findRunnableGCWorker(rt, mp, pp, now);
      if (gp !== null) return gp;
    }

    // 4. fairness: one G from the global queue every 61 schedticks
    if (pp.schedtick % fairnessTicks === 0 && sched.runq.size > 0) {
      const gp = globrunqget(rt, pp, 1);
      if (gp !== null) {
        rt.log.ev(E.Found, gp.goid, mp.id, pp.id, FoundBy.Fairness, 0);
        return gp;
      }
    }
    // 6. local run queue (runnext first)
    {
      const gp = runqget(rt, pp);
      if (gp !== null) {
        rt.log.ev(E.GLoc, gp.goid, mp.id, pp.id, Loc.None, 0);
        rt.log.ev(E.Found, gp.goid, mp.id, pp.id, rt.inheritTime ? FoundBy.Runnext : FoundBy.Local, 0);
        return gp;
      }
    }
    // 7. global run queue
    if (sched.runq.size !== 0) {
      const gp = globrunqget(rt, pp, 0);
      if (gp !== null) {
        rt.log.ev(E.Found, gp.goid, mp.id, pp.id, FoundBy.Global, 0);
        return gp;
      }
    }
    // 8. non-blocking netpoll, an optimisation before stealing
    if (rt.netpollInited && rt.netpollWaiters > 0 && sched.lastpoll !== 0) {
      const list = netpoll(rt, mp, 0);
      if (list.length > 0) {
        const n = list.length;
        const gp = list.pop()!;
        injectglist(rt, list, pp);
        netpollAdjustWaiters(rt, -n);
        gp.atomicstatus = _Grunnable;
        rt.log.ev(E.GLoc, gp.goid, mp.id, pp.id, Loc.None, 0);
        rt.log.ev(E.Found, gp.goid, mp.id, pp.id, FoundBy.Netpoll, 0);
        rt.inheritTime = false;
        return gp;
      }
    }
    // 9. spin and steal (at most half the busy Ps may have a spinning M)
    if (mp.spinning || 2 * sched.nmspinning < rt.gomaxprocs - sched.npidle) {
      if (!mp.spinning) becomeSpinning(rt, mp);
      // The local checks came up empty: this pass costs time (charged to what the M runs next).
      mp.debt += rt.cost.findRunnable;
      const gp = stealWork(rt, mp, now, false);
      if (gp === BACKOFF) {
        // runqgrab's usleep(3): the thread sleeps in the kernel, so a waker it preempted runs again.
        if (mp.stalledWaker !== null) releaseStalledWaker(rt, mp);
        rt.sim.after(rt.oversleep(runnextStealBackoff), mp, T.StealRetry, mp.gen);
        return null;
      }
      if (gp !== null) {
        rt.log.ev(E.Found, gp.goid, mp.id, pp.id, rt.stealFromRunnext ? FoundBy.StealRunnext : FoundBy.Steal, 0);
        return gp;
      }
      if (rt.stealNewWork) continue;
      const w = rt.stealPollUntil;
      if (w !== 0 && (pollUntil === 0 || w < pollUntil)) pollUntil = w;
    }
    // 10. nothing to do: in a mark phase, idle-time marking rather than giving up the P
    if (rt.gc.blackenEnabled) {
      const gp = findRunnableIdleGCWorker(rt, mp, pp);
      if (gp !== null) return gp;
    }
    // 11. give up the P
    if (sched.runq.size !== 0) {
      const gp = globrunqget(rt, pp, 0);
      if (gp !== null) {
        rt.log.ev(E.Found, gp.goid, mp.id, pp.id, FoundBy.Global, 0);
        return gp;
      }
    }
    // Since 1.21: someone found work but no P for a spinning M: spin instead of dropping the P.
    if (rt.v.needspinning && !mp.spinning && sched.needspinning === 1) {
      becomeSpinning(rt, mp);
      continue;
    }
    releasep(rt, mp);
    pidleput(rt, pp);
    const wasSpinning = mp.spinning;
    if (mp.spinning) {
      setSpinning(rt, mp, false);
      sched.nmspinning--;
      if (sched.nmspinning < 0) rt.throw('findrunnable: negative nmspinning');
      // 12. re-check: work may have been submitted meanwhile. Since 1.21 the global queue first
      // (with an idle P from pidlegetSpinning), then every P's run queue (checkRunqsNoP).
      if (rt.v.needspinning && sched.runq.size !== 0) {
        const np = pidlegetSpinning(rt);
        if (np !== null) {
          acquirep(rt, mp, np);
          const gp = globrunqget(rt, np, 0);
          becomeSpinning(rt, mp);
          if (gp !== null) {
            rt.log.ev(E.Found, gp.goid, mp.id, np.id, FoundBy.Global, 0);
            return gp;
          }
          continue;
        }
      }
      let again = false;
      for (const p2 of rt.allp) {
        if (!rt.idlepMask[p2.id] && !runqempty(p2)) {
          const np = rt.v.needspinning ? pidlegetSpinning(rt) : pidleget(rt);
          if (np !== null) {
            acquirep(rt, mp, np);
            becomeSpinning(rt, mp);
            again = true;
          }
          break;
        }
      }
      if (again) continue;
      // check timers of all Ps to lower pollUntil (checkTimersNoP)
      for (const p2 of rt.allp) {
        if (rt.timerpMask[p2.id]) {
          const w = nobarrierWakeTime(p2);
          if (w !== 0 && (pollUntil === 0 || w < pollUntil)) pollUntil = w;
        }
      }
    }
    // 13. blocking netpoll: only one M at a time
    if (rt.netpollInited && (rt.netpollWaiters > 0 || pollUntil !== 0) && sched.lastpoll !== 0) {
      sched.lastpoll = 0;
      sched.pollUntil = pollUntil;
      let delay = -1;
      if (pollUntil !== 0) {
        delay = pollUntil - now;
        if (delay < 0) delay = 0;
      }
      mp.wasSpinning = wasSpinning;
      netpollBlock(rt, mp, delay);
      return null;
    } else if (pollUntil !== 0 && rt.netpollInited) {
      const pollerPollUntil = sched.pollUntil;
      if (pollerPollUntil === 0 || pollerPollUntil > pollUntil) netpollBreak(rt);
    }
    stopm(rt, mp);
    return null;
  }
}

/** Returned by stealWork when the thief must back off before taking a running P's runnext. */
const BACKOFF = {} as G;

/**
 * stealWork: 4 rounds over all Ps in a random coprime order; in the last round run the victims'
 * expired timers and consider their runnext. Spec §5. Results go in rt.stealNewWork / stealPollUntil.
 */
function stealWork(rt: Runtime, mp: M, now: number, afterBackoff: boolean): G | null {
  const pp = mp.p!;
  rt.stealNewWork = false;
  rt.stealPollUntil = 0;
  rt.stealFromRunnext = false;
  let ranTimer = false;
  const n = rt.gomaxprocs;
  for (let i = 0; i < stealTries; i++) {
    const lastRound = i === stealTries - 1;
    const order = rt.stealOrder;
    const r = rt.rand.uint32();
    let pos = r % n;
    const inc = order.coprimes[Math.floor(r / n) % order.coprimes.length]!;
    for (let k = 0; k < n; k++, pos = (pos + inc) % n) {
      const p2 = rt.allp[pos]!;
      if (p2 === pp) continue;
      if (lastRound && rt.timerpMask[p2.id]) {
        const before = rt.timerRuns;
        const w = checkTimers(rt, p2, now, pp);
        if (rt.exited) return null;
        if (w !== 0 && (rt.stealPollUntil === 0 || w < rt.stealPollUntil)) rt.stealPollUntil = w;
        if (rt.timerRuns !== before) {
          const gp = runqget(rt, pp);
          if (gp !== null) {
            rt.log.ev(E.GLoc, gp.goid, mp.id, pp.id, Loc.None, 0);
            return gp;
          }
          ranTimer = true;
        }
      }
      if (!rt.idlepMask[p2.id]) {
        const gp = runqsteal(rt, pp, p2, lastRound, afterBackoff && p2 === mp.stealVictim);
        if (gp === 'backoff') {
          mp.stealVictim = p2;
          return BACKOFF;
        }
        if (gp !== null) return gp;
      }
    }
  }
  rt.stealNewWork = ranTimer;
  return null;
}

/**
 * findRunnable ran timers: that took the M's time before it looks at its run queue — runtimer, and
 * ready()'s wakep, whose futex wake of an idle M is a system call (notewakeup) — and meanwhile the
 * readied G sits in runnext, where a thief sees it (and backs off, runqgrab's usleep(3)). The M goes
 * on from the top of findRunnable after its debt (T.TimersRun). When that wakep woke an M onto this
 * M's own CPU (os.ts selectCpu: back to its previous CPU, busy or not), the wakee preempts it there
 * (try_to_wake_up's wakeup preemption) and this M runs again only when the wakee leaves the CPU
 * (releaseStalledWaker), at the latest at the CPU's next scheduler tick, whose load balancing moves
 * it to the idle CPU. A real go1.26.8 trace of conformance/programs/sleep_tick.go at GOMAXPROCS=2
 * (N=10; runtime/trace read with golang.org/x/exp/trace) shows it: when the woken M ran meanwhile, the
 * waker ran its readied G 2.6–3.5 µs after the wakee's last event (gaps of 10–29 µs), else 7–9 µs.
 */
function timersRunPause(rt: Runtime, mp: M): void {
  const s = mp.wokeLocal;
  mp.wokeLocal = null;
  if (s !== null && s.state === MS.Waking && s.stalledWaker === null) {
    s.stalledWaker = mp;
    mp.stalledBy = s;
    mp.stallDebt = mp.debt;
    mp.debt = 0;
    // mp.gen identifies this pause: anything that cancels it (a stop-the-world) moves it on.
    mp.stallGen = mp.gen;
    rt.sim.after(rt.cost.schedTick + mp.stallDebt, mp, T.TimersRun, mp.gen);
    return;
  }
  rt.sim.after(mp.debt, mp, T.TimersRun, mp.gen);
  mp.debt = 0;
}

/** The wakee `s` left the CPU (it blocked, or sleeps in runqgrab's back-off): its stalled waker runs again. */
function releaseStalledWaker(rt: Runtime, s: M): void {
  const w = s.stalledWaker!;
  s.stalledWaker = null;
  if (w.stalledBy !== s) return;
  w.stalledBy = null;
  // The pause was cancelled meanwhile (a stop-the-world took the P and parked the M).
  if (w.gen !== w.stallGen || w.dead || rt.exited) return;
  w.gen++;
  rt.sim.after(w.stallDebt, w, T.TimersRun, w.gen);
  w.stallDebt = 0;
}

/** T.TimersRun: the M goes on after the timers findRunnable ran (timersRunPause). */
export function timersRunDone(rt: Runtime, mp: M): void {
  // A tick that ended the stall before the wakee left the CPU: the wakee no longer holds it back.
  const s = mp.stalledBy;
  if (s !== null) {
    s.stalledWaker = null;
    mp.stalledBy = null;
  }
  mp.stallDebt = 0;
  schedule(rt, mp);
}

/** T.StealRetry: the 3 µs back-off is over; take the victim's runnext if it is still there. */
export function stealRetry(rt: Runtime, mp: M): void {
  const victim = mp.stealVictim;
  mp.stealVictim = null;
  const pp = mp.p!;
  if (victim !== null && !rt.idlepMask[victim.id]) {
    const gp = runqsteal(rt, pp, victim, true, true);
    if (gp !== null && gp !== 'backoff') {
      rt.log.ev(E.Found, gp.goid, mp.id, pp.id, FoundBy.StealRunnext, 0);
      runFound(rt, mp, gp);
      return;
    }
  }
  schedule(rt, mp);
}

/** The orders stealWork visits Ps in: a random start and a random step coprime to gomaxprocs. */
export class RandomOrder {
  count = 0;
  coprimes: number[] = [];
  reset(count: number): void {
    this.count = count;
    this.coprimes = [];
    for (let i = 1; i <= count; i++) if (gcd(i, count) === 1) this.coprimes.push(i);
  }
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

// ---------------------------------------------------------------------------------------------
// locked Ms (LockOSThread), spec §15

/** stoplockedm: the locked G blocked; give the P away and park until the G is runnable again. */
export function stoplockedm(rt: Runtime, mp: M): void {
  if (mp.p !== null) {
    const pp = releasep(rt, mp);
    handoffp(rt, pp);
  }
  rt.log.ev(E.StopLockedM, mp.lockedg!.goid, mp.id, -1, 0, 0);
  mp.resume = Resume.ExecuteLocked;
  mp.blocked = true;
  setMState(rt, mp, MS.LockedIdle);
  incidlelocked(rt, 1);
}

/** startlockedm: gp is locked to another M: hand it our P, wake it, and stop ourselves. */
function startlockedm(rt: Runtime, mp: M, gp: G): void {
  const lm = gp.lockedm!;
  incidlelocked(rt, -1);
  const pp = releasep(rt, mp);
  lm.nextp = pp;
  rt.log.ev(E.StartLockedM, gp.goid, mp.id, pp.id, lm.id, 0);
  notewakeup(rt, lm);
  stopm(rt, mp);
}

export function incidlelocked(rt: Runtime, v: number): void {
  rt.sched.nmidlelocked += v;
  if (v > 0) checkdead(rt);
}

/**
 * mexit: the thread exits (a G exited while locked to it). Spec §14. go1.19 takes it off allm, hands
 * its P off and counts it in nmfreed. m0 cannot exit (on Linux the process would become a zombie):
 * it hands its P off, counts itself in nmfreed and parks forever ("wedges"). It stays on allm, so
 * pprof's threadcreate count (and /proc/self/task) still see it while schedtrace's threads=
 * (mcount) no longer does.
 */
function mexit(rt: Runtime, mp: M): void {
  const wedge = mp === rt.m0;
  rt.log.ev(E.MExit, -1, mp.id, mp.p ? mp.p.id : -1, wedge ? 1 : 0, 0);
  if (wedge) {
    mp.wedged = true;
    mp.blocked = true; // mPark
  } else {
    mp.dead = true; // off allm before the handoff
  }
  if (mp.p !== null) {
    const pp = releasep(rt, mp);
    handoffp(rt, pp);
  }
  mp.lockedExt = 0;
  setMState(rt, mp, MS.Dead);
  rt.sched.nmfreed++;
  checkdead(rt);
}

// ---------------------------------------------------------------------------------------------
// checkdead, spec §13

export function checkdead(rt: Runtime): void {
  if (rt.exited) return;
  const sched = rt.sched;
  const run = mcount(rt) - sched.nmidle - sched.nmidlelocked - sched.nmsys;
  if (run > 0) return;
  if (run < 0) {
    rt.throw('checkdead: inconsistent counts', `runtime: checkdead: nmidle=${sched.nmidle} nmidlelocked=${sched.nmidlelocked} mcount=${mcount(rt)} nmsys=${sched.nmsys}\n`);
    return;
  }
  let grunning = 0;
  for (const gp of rt.allgs) {
    if (gp.system) continue;
    const s = gp.atomicstatus;
    if (s === _Gwaiting || s === _Gpreempted) grunning++;
    else if (s === _Grunnable || s === _Grunning || s === _Gsyscall) {
      rt.throw('checkdead: runnable g', `runtime: checkdead: find g ${gp.goid} in status ${s}\n`);
      return;
    }
  }
  if (grunning === 0) {
    rt.log.ev(E.Checkdead, -1, -1, -1, 1, 0);
    rt.fatal('no goroutines (main called runtime.Goexit) - deadlock!');
    return;
  }
  for (const pp of rt.allp) if (pp.timers.length > 0) return;
  rt.log.ev(E.Checkdead, -1, -1, -1, 1, 0);
  rt.fatal('all goroutines are asleep - deadlock!');
}

