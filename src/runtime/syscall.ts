/**
 * System calls and cgo calls (Go 1.19 proc.go: entersyscall, exitsyscall, exitsyscallfast,
 * exitsyscall0, entersyscallblock; Go 1.26 proc.go: reentersyscall, exitsyscall,
 * exitsyscallTryGetP, exitsyscallNoP, setBlockOnExitSyscall). Spec §7.1–§7.3.
 *
 * 1.19 model: entersyscall unwires the P (p.m = nil, m.p = nil, m.oldp = p) and marks it _Psyscall;
 * no thread is woken and no lock is taken, so a short syscall costs nothing but bookkeeping. If the
 * syscall lasts, sysmon's retake (sysmon.ts) takes the P (_Psyscall → _Pidle) and handoffp gives it
 * to another M. On return, exitsyscallfast first CASes the old P back (_Psyscall → _Pidle → wired),
 * else takes any idle P; exitsyscall0 tries an idle P once more, else puts the G on the global queue
 * and stops the M (or parks it, if the G is locked to it).
 *
 * 1.26 model (VersionProfile.syscallKeepsP): reentersyscall leaves the P _Prunning and wired to
 * its M (m.p, p.m stay set; m.oldp = p); only the G's _Gsyscall says the P may be taken. Whoever
 * takes it (sysmon's retake, another M's exitsyscallTryGetP, a stop-the-world) first checks
 * setBlockOnExitSyscall (the P is _Prunning, its M's curg is in _Gsyscall and still on that M and
 * P), then takeP unwires it (_Pidle, p.syscalltick++). exitsyscall's fast path is "m.p is still
 * set"; else exitsyscallTryGetP takes oldp back the same way (even from another M now in a
 * syscall with it) or an idle P; else exitsyscallNoP queues the G globally and stops the M.
 * entersyscallblock hands the P off (handoffp(releasep())) before the G goes to _Gsyscall. In
 * both models a P whose G is in a syscall can be stolen from and counts as busy; `pInSyscall`
 * says which P that is, for both.
 *
 * A cgo call is exactly a syscall (plus m.incgo). RawSyscall never tells the scheduler: the P stays
 * _Prunning with its M for the whole call. entersyscallblock (a call known to block) hands the P off
 * at once.
 *
 * Most calls last a known time (the kernel's work, sys/costs.ts). A call that waits for an event —
 * read(2) of an empty blocking pipe — sleeps on a KernelWaitQueue instead: the thread stays in the
 * syscall (and so the P is retaken and handed off as for any long call) until another thread's
 * system call wakes it (`kernelWakeFrom`: the waker's call lasts a wake-up's cost per sleeper, more when
 * the sleeper's CPU is another one: an IPI), then returns after the wake-up latency. The runtime does not
 * see the kernel's wait: to it this is just a syscall that has not returned yet.
 *
 * A timed sleep in the kernel (nanosleep, C.usleep, C.sleep) does not return on time: its hrtimer
 * expires through the kernel's timer slack and the thread then has to be woken (on a VM, its vCPU
 * resumed), so the call lasts Runtime.oversleep(ns), like sysmon's usleep and epoll_wait's timeout.
 * Other syscalls last what the workload says.
 */
import { E, Loc, MS, ExitPath } from '../log/events.js';
import type { Runtime } from './runtime.js';
import { G, M, P, Ring, _Gsyscall, _Grunning, _Grunnable, _Psyscall, _Pidle, _Prunning } from './runtime2.js';
import { T, acquirep, execute, handoffp, pidleget, releasep, setMState, stoplockedm, stopm } from './proc.js';
import { globrunqput } from './runq.js';
import { sysmonWake } from './sysmon.js';
import { cpuStart } from './os.js';

export const SyscallModeCode = { syscall: 0, cgo: 1, block: 2 } as const;

/**
 * Threads asleep in the kernel on one event (Linux's wait_queue_head_t: a pipe's readers…), in the
 * order they went to sleep (a Ring: waking the first of many is O(1)). Each M's `kernelWakeTag` is
 * the event that ends its syscall: T.SyscallDone (exitsyscall follows) or, for a RawSyscall, T.Run.
 */
export class KernelWaitQueue extends Ring<M> {
  constructor(readonly what: string) {
    super();
  }
}

/** Put mp to sleep on wq; `tag` is the M event that ends its syscall when woken. */
export function kernelSleep(rt: Runtime, wq: KernelWaitQueue, mp: M, tag: number): void {
  mp.kernelWakeTag = tag;
  wq.pushBack(mp);
  rt.kernelSleepers++;
}

/** One sleeper of a wait queue woken: it returns from its system call `latency` ns from now. */
function kernelWakeOne(rt: Runtime, mp: M, latency: number): void {
  rt.kernelSleepers--;
  rt.sim.after(latency + rt.cost.syscallOverhead, mp, mp.kernelWakeTag, mp.gen);
}

/**
 * Wake the first sleeper of wq (an exclusive wait, as pipe_read's), or all of them: each returns from
 * its system call `latency` ns from now (the woken thread is scheduled by the kernel and runs).
 * Returns how many it woke.
 */
export function kernelWake(rt: Runtime, wq: KernelWaitQueue, all: boolean, latency: number): number {
  let woken = 0;
  for (let mp = wq.popFront(); mp !== null; mp = all ? wq.popFront() : null) {
    kernelWakeOne(rt, mp, latency);
    woken++;
  }
  return woken;
}

/**
 * kernelWake from a system call of thread `waker` (a write(2) that wakes a pipe's readers): returns the
 * time the waker spends in the wake-ups — per sleeper, cost.wakeupLocal when it sleeps on the waker's
 * CPU (os.ts selectCpu: a woken thread goes back to the CPU it slept on), else cost.wakeupRemote (an IPI).
 */
export function kernelWakeFrom(rt: Runtime, waker: M, wq: KernelWaitQueue, all: boolean, latency: number): number {
  let ns = 0;
  for (let mp = wq.popFront(); mp !== null; mp = all ? wq.popFront() : null) {
    ns += waker.cpu >= 0 && rt.os.selectCpu(mp) !== waker.cpu ? rt.cost.wakeupRemote : rt.cost.wakeupLocal;
    kernelWakeOne(rt, mp, latency);
  }
  return ns;
}

/** How long the thread really stays in the kernel for a call asking for `ns`: a timed sleep oversleeps (see above). */
export function syscallKernelTime(rt: Runtime, ns: number, timedSleep: boolean): number {
  return timedSleep ? rt.oversleep(ns) : ns;
}

/**
 * entersyscall (reentersyscall): G → _Gsyscall; 1.19: P → _Psyscall and unwired; 1.26
 * (syscallKeepsP): the P stays _Prunning and wired, only m.oldp records it. The call asked for `ns`
 * (logged); the thread returns after `kernel` ns (syscallKernelTime), computing if `cpu` (a CPU
 * stretch, os.ts), or sleeps on `wq` until woken.
 */
export function entersyscall(rt: Runtime, mp: M, gp: G, ns: number, mode: number, kernel = ns, cpu = false, wq: KernelWaitQueue | null = null): void {
  const pp = mp.p!;
  gp.atomicstatus = _Gsyscall;
  if (rt.sched.sysmonwait) sysmonWake(rt);
  mp.syscalltick = pp.syscalltick;
  mp.incgo = mode === SyscallModeCode.cgo;
  if (mp.incgo) mp.ncgocall++;
  rt.log.ev(E.EnterSyscall, gp.goid, mp.id, pp.id, mode, ns);
  mp.oldp = pp;
  if (!rt.v.syscallKeepsP) {
    pp.m = null;
    mp.p = null;
    pp.syscallm = mp;
    pp.status = _Psyscall;
    rt.log.ev(E.PState, -1, -1, pp.id, _Psyscall, 0);
  }
  rt.log.ev(E.GLoc, gp.goid, mp.id, pp.id, Loc.Syscall, mp.id);
  // A system call that computes keeps its thread on its CPU in the kernel (os.ts); a CPU-bound cgo
  // call computes in user space, where the kernel preempts it at once (os.ts protectedUntil).
  mp.kernelCpu = cpu && wq === null && !mp.incgo;
  setMState(rt, mp, MS.Syscall);
  syscallEnd(rt, mp, kernel, cpu, wq, T.SyscallDone);
}

/**
 * The system call's return (M event `tag`): after `kernel` ns + the overhead, stretched by the OS if
 * it is CPU time, or when a KernelWake wakes the thread asleep on `wq`.
 */
export function syscallEnd(rt: Runtime, mp: M, kernel: number, cpu: boolean, wq: KernelWaitQueue | null, tag: number): void {
  if (wq !== null) kernelSleep(rt, wq, mp, tag);
  else if (cpu) cpuStart(rt, mp, kernel + rt.cost.syscallOverhead, tag);
  else rt.sim.after(kernel + rt.cost.syscallOverhead, mp, tag, mp.gen);
}

/**
 * entersyscallblock: the call will block; hand the P off now. (1.26 hands it off before the G goes
 * to _Gsyscall; inside one event the order is not observable.)
 */
export function entersyscallblock(rt: Runtime, mp: M, gp: G, ns: number, kernel = ns, cpu = false, wq: KernelWaitQueue | null = null): void {
  const pp = mp.p!;
  mp.syscalltick = pp.syscalltick;
  pp.syscalltick++;
  gp.atomicstatus = _Gsyscall;
  rt.log.ev(E.EnterSyscall, gp.goid, mp.id, pp.id, SyscallModeCode.block, ns);
  rt.log.ev(E.GLoc, gp.goid, mp.id, pp.id, Loc.Syscall, mp.id);
  const released = releasep(rt, mp);
  mp.oldp = null;
  mp.kernelCpu = cpu && wq === null;
  setMState(rt, mp, MS.Syscall);
  handoffp(rt, released);
  if (rt.exited) return;
  syscallEnd(rt, mp, kernel, cpu, wq, T.SyscallDone);
}

/** T.SyscallDone: the kernel returned; exitsyscall. */
export function exitsyscall(rt: Runtime, mp: M): void {
  const gp = mp.curg!;
  const oldp = mp.oldp;
  mp.oldp = null;
  mp.incgo = false;
  const path = rt.v.syscallKeepsP ? exitsyscallTryGetP(rt, mp, oldp) : exitsyscallfast(rt, mp, oldp);
  if (path !== 0) {
    const pp = mp.p!;
    pp.syscalltick++;
    gp.atomicstatus = _Grunning;
    rt.log.ev(E.ExitSyscall, gp.goid, mp.id, pp.id, path, 0);
    rt.log.ev(E.GLoc, gp.goid, mp.id, pp.id, Loc.Running, mp.id);
    setMState(rt, mp, MS.Running);
    // The G keeps running on this M at once: no schedule(), no schedtick change.
    rt.sim.after(0, mp, T.Run, mp.gen);
    return;
  }
  exitsyscall0(rt, mp, gp);
}

/** exitsyscallfast (1.19): reacquire the old P by CAS, else any idle P. Returns the ExitPath or 0. */
function exitsyscallfast(rt: Runtime, mp: M, oldp: M['oldp']): number {
  if (oldp !== null && oldp.status === _Psyscall) {
    // CAS _Psyscall → _Pidle, then wirep. Works even if another M took oldp and is now in a
    // syscall with it: that M loses it.
    const other = oldp.m;
    if (other !== null) {
      // Unreachable in 1.19: a _Psyscall P has no owner.
      rt.throw('exitsyscallfast: _Psyscall P has an owner');
    }
    oldp.status = _Pidle;
    oldp.syscallm = null;
    acquirep(rt, mp, oldp);
    if (mp.syscalltick !== oldp.syscalltick) oldp.syscalltick++;
    return ExitPath.FastOldP;
  }
  return exitsyscallIdleP(rt, mp);
}

/** Both versions' second try: an idle P (waking sysmon from its deep sleep). */
function exitsyscallIdleP(rt: Runtime, mp: M): number {
  if (rt.sched.pidle !== null) {
    const pp = pidleget(rt);
    if (pp !== null) {
      if (rt.sched.sysmonwait) sysmonWake(rt);
      acquirep(rt, mp, pp);
      return ExitPath.FastIdleP;
    }
  }
  return 0;
}

/**
 * 1.26 exitsyscall with exitsyscallTryGetP (proc.go): the fast path is that m.p is still set (nobody
 * took the P: ExitPath.KeptP); else take oldp back through setBlockOnExitSyscall + takeP (also from
 * another M that is now in a syscall with it), else an idle P. Returns the ExitPath or 0.
 */
function exitsyscallTryGetP(rt: Runtime, mp: M, oldp: M['oldp']): number {
  if (mp.p !== null) return ExitPath.KeptP;
  if (oldp !== null) {
    const other = setBlockOnExitSyscall(oldp);
    if (other !== null) {
      takeP(rt, oldp, other);
      acquirep(rt, mp, oldp);
      return ExitPath.FastOldP;
    }
  }
  return exitsyscallIdleP(rt, mp);
}

/**
 * setBlockOnExitSyscall (1.26 proc.go): pp's G is in a syscall and may be kept there while its P is
 * taken: pp is _Prunning, its M's curg is in _Gsyscall, and that G is still on the same M and P.
 * Returns that M, or null. (The scan bit that holds the G in the syscall meanwhile needs no model:
 * each event is atomic.)
 */
export function setBlockOnExitSyscall(pp: P): M | null {
  if (pp.status !== _Prunning) return null;
  const mp = pp.m;
  if (mp === null) return null;
  const gp = mp.curg;
  if (gp === null || gp.atomicstatus !== _Gsyscall) return null;
  if (gp.m !== mp || mp.p !== pp) return null;
  return mp;
}

/** syscallingThread.takeP (1.26 releaseP(_Pidle)): unwire pp from the M in the syscall; p.syscalltick++. */
export function takeP(rt: Runtime, pp: P, mp: M): void {
  pp.m = null;
  mp.p = null;
  pp.status = _Pidle;
  rt.log.ev(E.PState, -1, -1, pp.id, _Pidle, 0);
  pp.syscalltick++;
}

/**
 * The P a goroutine in a syscall still holds in the sense both versions share: 1.19's _Psyscall P,
 * or 1.26's _Prunning P whose M's G is in _Gsyscall (setBlockOnExitSyscall would succeed).
 */
export function pInSyscall(rt: Runtime, pp: P): boolean {
  return rt.v.syscallKeepsP ? setBlockOnExitSyscall(pp) !== null : pp.status === _Psyscall;
}

/**
 * exitsyscall0 (1.19) / exitsyscallNoP (1.26): no P on the fast path. Try once more under the lock,
 * else queue G globally.
 */
function exitsyscall0(rt: Runtime, mp: M, gp: G): void {
  gp.atomicstatus = _Grunnable;
  gp.m = null;
  mp.curg = null;
  const pp = pidleget(rt);
  if (pp !== null) {
    if (rt.sched.sysmonwait) sysmonWake(rt);
    acquirep(rt, mp, pp);
    rt.log.ev(E.ExitSyscall, gp.goid, mp.id, pp.id, ExitPath.SlowIdleP, 0);
    execute(rt, mp, gp, false);
    return;
  }
  rt.log.ev(E.ExitSyscall, gp.goid, mp.id, -1, ExitPath.SlowGlobal, 0);
  globrunqput(rt, gp);
  if (mp.lockedg !== null) {
    // Wait until another thread schedules gp and so this M again.
    setMState(rt, mp, MS.Scheduling);
    stoplockedm(rt, mp);
    return;
  }
  setMState(rt, mp, MS.Scheduling);
  stopm(rt, mp);
}

/** Used by retake: the CAS _Psyscall → _Pidle that takes a P from a syscalling M. */
export function retakeSyscallP(rt: Runtime, pp: M['oldp'] & object): boolean {
  if (pp.status !== _Psyscall) return false;
  pp.status = _Pidle;
  rt.log.ev(E.PState, -1, -1, pp.id, _Pidle, 0);
  return true;
}

