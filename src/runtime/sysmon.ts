/**
 * sysmon (Go: proc.go's sysmon, retake, preemptone; preempt.go's preemptM). Spec §8, §9.
 *
 * sysmon runs on its own M without a P (counted in nmsys) in a loop:
 *   1. usleep(delay): 20 µs while it keeps retaking Ps from syscalls; after 50 idle iterations the
 *      delay doubles each iteration up to 10 ms. The kernel adds timer slack to every sleep.
 *   2. deep sleep: with schedtrace off, if every P is idle (or a STW is pending), it sleeps on
 *      sysmonnote until the next timer (at most 60 s). entersyscall and an exitsyscall that takes an
 *      idle P wake it early (then idle = 0, delay = 20 µs). wakep/startm do not.
 *   3. netpoll(0) if nobody polled for 10 ms; inject what it finds (no P: global queue + startm).
 *   4. retake: preempt Gs that ran ≥ 10 ms in one time slice; take Ps from syscalls that sysmon saw
 *      on two successive iterations unless (local runq empty ∧ someone idle/spinning ∧ < 10 ms). A P
 *      whose syscalltick is still sysmon's initial record (0: no syscall has exited on it) is taken at
 *      first sight, the "< 10 ms" skip not holding either: with go1.26 that is main's first syscall
 *      (VersionProfile.osInitRawFcntl), with go1.19 a first syscall on a P other than P0.
 *      Go 1.19 finds those Ps by their _Psyscall status; since Go 1.26 (syscallKeepsP) they are
 *      _Prunning and setBlockOnExitSyscall picks them out, and takeP unwires them.
 *   5. schedtrace when the period has passed (so lines drift by up to one delay per period); its
 *      write(2) calls delay the next usleep (trace.ts).
 *   4b. forcegc (mgc.ts sysmonForceGC): when a GC cycle has run before and none for forcegcperiod
 *      (2 minutes), inject the forcegc goroutine, which starts a time-triggered cycle. A program that
 *      never had a cycle never gets one this way (gcTrigger.test: last_gc_nanotime != 0).
 *
 * Its events are daemon events: they do not keep the simulation alive on their own.
 */
import { E, MS, RetakeWhy } from '../log/events.js';
import type { EventTarget } from '../kernel/sim.js';
import type { Runtime } from './runtime.js';
import { M, forcePreemptNS, forcegcperiod, _Gsyscall, _Prunning, _Psyscall } from './runtime2.js';
import { T, checkdead, handoffp, incidlelocked, setMState } from './proc.js';
import { runqempty, injectglist } from './runq.js';
import { netpoll, netpollAdjustWaiters } from './netpoll.js';
import { timeSleepUntil } from './time.js';
import { retakeSyscallP, setBlockOnExitSyscall, takeP } from './syscall.js';
import { schedtrace } from './trace.js';
import { nextCallPoint } from './os.js';
import { sysmonUpdateGOMAXPROCS } from './maxprocs.js';
import { sysmonForceGC } from './mgc.js';

/** Sysmon's own event tags. */
const S = { Tick: 1, DeepWake: 2, NoteWake: 3, Start: 4 } as const;

export class Sysmon implements EventTarget {
  rt: Runtime;
  m: M;
  idle = 0;
  /** Current usleep delay in µs. */
  delay = 0;
  /** Last schedtrace time; −Infinity so the first iteration prints (Go: lasttrace 0 vs a large nanotime). */
  lasttrace = -Infinity;
  /** First schedtrace time (schedtrace prints time since it). */
  starttime = -1;
  gen = 0;
  constructor(rt: Runtime, m: M) {
    this.rt = rt;
    this.m = m;
  }

  fire(tag: number, gen: number): void {
    const rt = this.rt;
    if (rt.exited) return;
    if (tag !== S.Start && gen !== this.gen) return;
    this.gen++;
    rt.curm = this.m;
    switch (tag) {
      case S.Start:
        rt.sched.nmsys++;
        setMState(rt, this.m, MS.Sysmon);
        // sysmon starts by running checkdead under the lock.
        checkdead(rt);
        if (rt.exited) return;
        this.sleepThenLoop();
        return;
      case S.Tick:
        this.afterUsleep();
        return;
      case S.DeepWake:
        this.afterDeepSleep(false);
        return;
      case S.NoteWake:
        this.afterDeepSleep(true);
        return;
    }
  }

  /** Top of the loop: pick the delay and usleep. */
  private sleepThenLoop(): void {
    const rt = this.rt;
    if (this.idle === 0) this.delay = 20;
    else if (this.idle > 50) this.delay *= 2;
    if (this.delay > 10_000) this.delay = 10_000;
    // The loop body's time, plus any clone() it made (retake → handoffp → startm → newm).
    const ns = rt.usleep(this.delay * 1000) + rt.cost.sysmonLoop + this.m.debt;
    this.m.debt = 0;
    rt.log.ev(E.SysmonTick, -1, this.m.id, -1, ns, this.idle);
    setMState(rt, this.m, MS.SysmonSleep, ns);
    rt.sim.after(ns, this, S.Tick, this.gen, true);
  }

  private afterUsleep(): void {
    const rt = this.rt;
    const now = rt.sim.now;
    const sched = rt.sched;
    if (rt.debug.schedtrace <= 0 && (sched.gcwaiting || sched.npidle === rt.gomaxprocs)) {
      const next = timeSleepUntil(rt);
      if (next > now) {
        sched.sysmonwait = true;
        let sleep = forcegcperiod / 2;
        if (next - now < sleep) sleep = next - now;
        rt.log.ev(E.SysmonWait, -1, this.m.id, -1, sleep, 0);
        setMState(rt, this.m, MS.SysmonSleep, -1);
        rt.sim.after(rt.oversleep(sleep), this, S.DeepWake, this.gen, true);
        return;
      }
    }
    this.body();
  }

  private afterDeepSleep(syscallWake: boolean): void {
    this.rt.sched.sysmonwait = false;
    if (syscallWake) {
      this.idle = 0;
      this.delay = 20;
    }
    this.body();
  }

  /**
   * notewakeup(&sched.sysmonnote) from entersyscall, exitsyscall and startTheWorldWithSema: the caller
   * is in futex(FUTEX_WAKE) meanwhile (cost.futexWakeCall, as proc.ts notewakeup charges it).
   */
  noteWakeup(): void {
    const rt = this.rt;
    const cur = rt.curm;
    if (cur !== null && cur !== this.m) cur.debt += rt.cost.futexWakeCall;
    rt.sched.sysmonwait = false;
    this.gen++;
    rt.os.wakeSend(this.m, this, S.NoteWake, rt.latency(rt.cost.futexWake), true);
  }

  /** Steps 3–5 of the loop, then sleep again. */
  private body(): void {
    const rt = this.rt;
    setMState(rt, this.m, MS.Sysmon);
    const now = rt.sim.now;
    const sched = rt.sched;
    const lastpoll = sched.lastpoll;
    if (rt.netpollInited && lastpoll !== 0 && lastpoll + 10_000_000 < now) {
      sched.lastpoll = now;
      const list = netpoll(rt, this.m, 0);
      if (list.length > 0) {
        const n = list.length;
        incidlelocked(rt, -1);
        injectglist(rt, list, null);
        incidlelocked(rt, 1);
        netpollAdjustWaiters(rt, -n);
        if (rt.exited) return;
      }
    }
    // Go 1.25+: at most once per second, follow a changed CPU limit (maxprocs.ts).
    sysmonUpdateGOMAXPROCS(rt, now);
    rt.stack.push('retake');
    const n = retake(rt, now);
    rt.stack.pop();
    if (n !== 0) this.idle = 0;
    else this.idle++;
    if (rt.exited) return;
    // check if we need to force a GC
    sysmonForceGC(rt, now);
    if (rt.debug.schedtrace > 0 && this.lasttrace + rt.debug.schedtrace * 1_000_000 <= now) {
      this.lasttrace = now;
      if (this.starttime < 0) this.starttime = now;
      this.m.debt += schedtrace(rt, rt.debug.scheddetail > 0, now - this.starttime);
    }
    this.sleepThenLoop();
  }
}

/** Wake sysmon from deep sleep (entersyscall, exitsyscall taking an idle P). */
export function sysmonWake(rt: Runtime): void {
  if (rt.sysmon !== null && rt.sched.sysmonwait) rt.sysmon.noteWakeup();
}

/** Start sysmon on its own M (newm(sysmon, nil, -1)). */
export function startSysmon(rt: Runtime, m: M): Sysmon {
  const s = new Sysmon(rt, m);
  m.isSys = true;
  rt.sim.after(rt.cost.threadCreate, s, S.Start, 0, true);
  return s;
}

/**
 * retake: preempt long-running Gs and take Ps from long syscalls. Returns Ps retaken. Spec §8.1.
 * 1.19 takes a _Psyscall P with a CAS to _Pidle; 1.26 (syscallKeepsP) looks only at _Prunning Ps and
 * takes one whose G is in a syscall with setBlockOnExitSyscall + takeP (proc.go retake). The rules
 * (two observations, the three-way skip, the time-slice shortcut) are the same in both; what differs
 * is P0's syscalltick when main starts (osInitRawFcntl).
 */
export function retake(rt: Runtime, now: number): number {
  let n = 0;
  const sched = rt.sched;
  const keepsP = rt.v.syscallKeepsP;
  for (let i = 0; i < rt.allp.length; i++) {
    const pp = rt.allp[i]!;
    const pd = pp.sysmontick;
    const s = pp.status;
    let sysretake = false;
    if (s === _Prunning || s === _Psyscall) {
      const t = pp.schedtick;
      if (pd.schedtick !== t) {
        pd.schedtick = t;
        pd.schedwhen = now;
      } else if (pd.schedwhen + forcePreemptNS <= now) {
        preemptone(rt, pp);
        sysretake = true;
      }
    }
    let sm: M | null;
    if (keepsP) {
      if (s !== _Prunning) continue;
      // 1.26 drops allpLock and counts one more running M around every _Prunning P's check.
      incidlelocked(rt, -1);
      sm = setBlockOnExitSyscall(pp);
      if (sm === null) {
        incidlelocked(rt, 1);
        if (rt.exited) return n;
        continue;
      }
    } else {
      if (s !== _Psyscall) continue;
      sm = pp.syscallm;
    }
    const t = pp.syscalltick;
    let retakeIt = true;
    if (!sysretake && pd.syscalltick !== t) {
      pd.syscalltick = t;
      pd.syscallwhen = now;
      retakeIt = false;
    }
    const qempty = runqempty(pp);
    const someoneFree = sched.nmspinning + sched.npidle > 0;
    if (retakeIt && qempty && someoneFree && pd.syscallwhen + 10_000_000 > now) retakeIt = false;
    if (!retakeIt) {
      if (keepsP) {
        incidlelocked(rt, 1);
        if (rt.exited) return n;
      }
      continue;
    }
    // sysretake skipped the first-sight rule above: a syscall sysmon never saw is retaken because
    // the P's time slice ran out, and pd.syscallwhen is an older syscall's (not this one's age).
    const sliceFirst = sysretake && pd.syscalltick !== t;
    // Or sysmon never recorded a syscall on this P and its syscalltick is still the initial one
    // (pd.syscallwhen −Infinity): the P's first syscall with entersyscall passes the rule at first
    // sight, and the "< 10 ms" skip does not hold for it. With 1.26 that is main's first syscall
    // (osInitRawFcntl: os init's fcntls are raw).
    const firstSight = sliceFirst || pd.syscallwhen === -Infinity;
    const why = sliceFirst ? RetakeWhy.TimeSlice : !qempty ? RetakeWhy.RunqNotEmpty : !someoneFree ? RetakeWhy.NoIdle : RetakeWhy.Long;
    if (!keepsP) incidlelocked(rt, -1);
    let taken: boolean;
    if (keepsP) {
      takeP(rt, pp, sm!);
      taken = true;
    } else {
      taken = retakeSyscallP(rt, pp);
      if (taken) {
        pp.syscallm = null;
        pp.syscalltick++;
      }
    }
    if (taken) {
      rt.log.ev(E.Retake, sm && sm.curg ? sm.curg.goid : -1, sm ? sm.id : -1, pp.id, why, firstSight ? 0 : now - pd.syscallwhen);
      n++;
      handoffp(rt, pp);
    }
    if (rt.exited) return n;
    incidlelocked(rt, 1);
    if (rt.exited) return n;
  }
  return n;
}

/** preemptone: ask the G running on pp to stop (flag + SIGURG unless asyncpreemptoff). */
export function preemptone(rt: Runtime, pp: M['p'] & object): boolean {
  const mp = pp.m;
  if (mp === null || mp === rt.curm) return false;
  const gp = mp.curg;
  // During a goroutine switch the request is lost (M.switchingUntil): sysmon tries again next tick.
  if (gp === null || rt.sim.now < mp.switchingUntil) return false;
  // 1.26 (preemptone): a G in a syscall is not asked to stop; its P stays wired to it (syscallKeepsP).
  // In 1.19 such a P is _Psyscall with no M, so the check above already returned.
  if (rt.v.syscallKeepsP && gp.atomicstatus === _Gsyscall) return false;
  gp.preempt = true;
  let signalled = 0;
  if (!rt.debug.asyncpreemptoff) {
    pp.preempt = true;
    if (preemptM(rt, mp)) signalled = 1;
  }
  rt.log.ev(E.Preempt, gp.goid, mp.id, pp.id, signalled, 0);
  // A G in a loop with function calls stops at its next call.
  if (gp.workEnd > rt.sim.now && gp.workEvery > 0 && mp.state === MS.Running) {
    const nextCall = nextCallPoint(rt, gp);
    if (nextCall < gp.workEnd) rt.sim.at(nextCall, mp, T.CoopPreempt, mp.gen);
  }
  return true;
}

/** preemptM: send SIGURG to mp (at most one in flight). */
function preemptM(rt: Runtime, mp: M): boolean {
  if (mp.signalPending) return false;
  mp.signalPending = true;
  // The sender (sysmon) is in tgkill meanwhile: its loop body takes that much longer.
  if (rt.curm !== null && rt.curm !== mp) rt.curm.debt += rt.cost.signalSend;
  rt.sim.after(rt.latency(rt.cost.signalDelivery), mp, T.Signal, 0);
  return true;
}
