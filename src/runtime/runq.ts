/**
 * Run queues (Go: proc.go's runqput/runqget/runqsteal/globrunq*, injectglist). Spec §2.
 *
 * Each P has a 256-slot ring (only its owner pushes; anyone pops from the head) plus a `runnext`
 * slot that a readied or newly created G takes, kicking the previous occupant to the tail. A full
 * ring spills its first half plus the new G to the global queue (runqputslow: 128 + 1). The global
 * queue is a FIFO; findRunnable takes a batch of min(size, size/gomaxprocs + 1, 128).
 *
 * Every movement of a G is logged as E.GLoc so the views can rebuild the queues exactly.
 * Simplification: the ring's head/tail are plain integers (no atomics: the simulation is
 * sequential, each event is one atomic step of the real runtime).
 */
import { E, Loc } from '../log/events.js';
import type { Runtime } from './runtime.js';
import { G, P, runqSize, _Grunnable, _Gsyscall, _Prunning } from './runtime2.js';
import { pidlegetSpinning, startm, wakep } from './proc.js';

export function runqempty(pp: P): boolean {
  return pp.runqhead === pp.runqtail && pp.runnext === null;
}

/** Length of the ring, without runnext (what schedtrace prints). */
export function runqlen(pp: P): number {
  return pp.runqtail - pp.runqhead;
}

/** runqput: put g on pp's local queue; `next` puts it in runnext and kicks the old runnext to the tail. */
export function runqput(rt: Runtime, pp: P, gp: G, next: boolean): void {
  if (next) {
    const old = pp.runnext;
    pp.runnext = gp;
    rt.log.ev(E.GLoc, gp.goid, -1, pp.id, Loc.Runnext, pp.id);
    if (old === null) return;
    gp = old;
  }
  if (pp.runqtail - pp.runqhead < runqSize) {
    pp.runq[pp.runqtail % runqSize] = gp;
    pp.runqtail++;
    rt.log.ev(E.GLoc, gp.goid, -1, pp.id, Loc.Runq, pp.id);
    return;
  }
  runqputslow(rt, pp, gp);
}

/** Move the first half of the full ring plus gp to the global queue (runqputslow). */
function runqputslow(rt: Runtime, pp: P, gp: G): void {
  const n = (pp.runqtail - pp.runqhead) >> 1; // 128
  rt.log.ev(E.RunqOverflow, gp.goid, -1, pp.id, n + 1, 0);
  for (let i = 0; i < n; i++) {
    const g = pp.runq[pp.runqhead % runqSize]!;
    pp.runq[pp.runqhead % runqSize] = null;
    pp.runqhead++;
    globrunqput(rt, g);
  }
  globrunqput(rt, gp);
}

/** runqget: runnext first (inheritTime = true), else the head of the ring. Sets rt.inheritTime. */
export function runqget(rt: Runtime, pp: P): G | null {
  const next = pp.runnext;
  if (next !== null) {
    pp.runnext = null;
    rt.inheritTime = true;
    return next;
  }
  if (pp.runqhead === pp.runqtail) return null;
  const g = pp.runq[pp.runqhead % runqSize]!;
  pp.runq[pp.runqhead % runqSize] = null;
  pp.runqhead++;
  rt.inheritTime = false;
  return g;
}

/** runqputbatch: put a list on pp's ring (overflow goes global). Injected Gs never use runnext. */
export function runqputbatch(rt: Runtime, pp: P, list: G[], from: number): void {
  let i = from;
  for (; i < list.length && pp.runqtail - pp.runqhead < runqSize; i++) {
    const g = list[i]!;
    pp.runq[pp.runqtail % runqSize] = g;
    pp.runqtail++;
    rt.log.ev(E.GLoc, g.goid, -1, pp.id, Loc.Runq, pp.id);
  }
  for (; i < list.length; i++) globrunqput(rt, list[i]!);
}

export function globrunqput(rt: Runtime, gp: G): void {
  rt.sched.runq.pushBack(gp);
  rt.log.ev(E.GLoc, gp.goid, -1, -1, Loc.Global, -1);
}

export function globrunqputhead(rt: Runtime, gp: G): void {
  rt.sched.runq.pushFront(gp);
  rt.log.ev(E.GLoc, gp.goid, -1, -1, Loc.GlobalHead, -1);
}

/**
 * globrunqget(pp, max): take a batch from the global queue; return the first, put the rest on
 * pp's ring. max = 0 means no extra limit.
 */
export function globrunqget(rt: Runtime, pp: P, max: number): G | null {
  const q = rt.sched.runq;
  if (q.size === 0) return null;
  let n = Math.min(q.size, Math.floor(q.size / rt.gomaxprocs) + 1);
  if (max > 0 && n > max) n = max;
  if (n > runqSize / 2) n = runqSize / 2;
  const gp = q.popFront()!;
  rt.log.ev(E.GLoc, gp.goid, -1, pp.id, Loc.None, 0);
  for (let i = 1; i < n; i++) runqput(rt, pp, q.popFront()!, false);
  rt.inheritTime = false;
  return gp;
}

/**
 * runqgrab+runqsteal: steal half (rounded up) of p2's ring into pp's ring and return the last one
 * stolen. With stealRunNext and nothing in the ring, take p2's runnext; if p2 is running, the thief
 * first backs off (returns `backoff`), so p2 gets a chance to run it itself.
 */
export function runqsteal(rt: Runtime, pp: P, p2: P, stealRunNext: boolean, afterBackoff: boolean): G | null | 'backoff' {
  const n = p2.runqtail - p2.runqhead;
  if (n === 0) {
    if (stealRunNext && p2.runnext !== null) {
      // 1.26 runqgrab backs off only if p2's M is not in a syscall: with syscallKeepsP such a P is
      // _Prunning, and its G cannot run runnext soon (1.19 gets the same from _Psyscall).
      const inSyscall = rt.v.syscallKeepsP && p2.m !== null && p2.m.curg !== null && p2.m.curg.atomicstatus === _Gsyscall;
      if (p2.status === _Prunning && !inSyscall && !afterBackoff) return 'backoff';
      const g = p2.runnext;
      p2.runnext = null;
      rt.stealFromRunnext = true;
      rt.log.ev(E.Steal, -1, -1, p2.id, pp.id, 1);
      rt.log.ev(E.GLoc, g.goid, -1, pp.id, Loc.None, 0);
      rt.inheritTime = false;
      return g;
    }
    return null;
  }
  const take = n - (n >> 1);
  rt.log.ev(E.Steal, -1, -1, p2.id, pp.id, take);
  let last: G | null = null;
  for (let i = 0; i < take; i++) {
    const g = p2.runq[p2.runqhead % runqSize]!;
    p2.runq[p2.runqhead % runqSize] = null;
    p2.runqhead++;
    if (i === take - 1) {
      last = g;
      rt.log.ev(E.GLoc, g.goid, -1, pp.id, Loc.None, 0);
    } else {
      pp.runq[pp.runqtail % runqSize] = g;
      pp.runqtail++;
      rt.log.ev(E.GLoc, g.goid, -1, pp.id, Loc.Runq, pp.id);
    }
  }
  rt.inheritTime = false;
  return last;
}

/**
 * injectglist: make a list of waiting Gs runnable (netpoll, sysmon). Without a P, all go to the
 * global queue and an M is started per idle P (1.19: startm while npidle != 0). With a P, one G per
 * idle P goes global with an M started for each; the rest go to the caller's ring. Spec §2.3.
 * Since 1.21 (needspinning) each M is started on a P taken with pidlegetSpinning (which sets
 * sched.needspinning when none is left); newer releases end with wakep() when the caller has a P
 * (VersionProfile.injectglistWakep; go1.26.8 proc.go injectglist).
 */
export function injectglist(rt: Runtime, list: G[], pp: P | null): void {
  if (list.length === 0) return;
  for (const g of list) g.atomicstatus = _Grunnable;
  const sched = rt.sched;
  const v126 = rt.v.needspinning;
  let started = 0;
  const startIdle = (n: number): void => {
    if (v126) {
      for (; n > 0; n--) {
        const ip = pidlegetSpinning(rt);
        if (ip === null) break;
        startm(rt, ip, false);
        started++;
      }
      return;
    }
    for (; n > 0 && sched.npidle !== 0; n--) {
      startm(rt, null, false);
      started++;
    }
  };
  if (pp === null) {
    for (const g of list) globrunqput(rt, g);
    startIdle(list.length);
    rt.log.ev(E.Inject, -1, -1, -1, list.length, started);
    return;
  }
  const npidle = sched.npidle;
  let i = 0;
  for (; i < npidle && i < list.length; i++) globrunqput(rt, list[i]!);
  if (i > 0) startIdle(i);
  runqputbatch(rt, pp, list, i);
  rt.log.ev(E.Inject, -1, -1, pp.id, list.length, started);
  if (rt.v.injectglistWakep) wakep(rt);
}
