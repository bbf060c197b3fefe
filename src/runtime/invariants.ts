/**
 * The runtime's invariants, checked after every event when `checkInvariants` is on (tests and
 * property tests). A violation throws: it is a bug in the model, never in the workload.
 *
 * - every live G is in exactly one place: a P's runnext or ring, the global queue, running or in
 *   a syscall on exactly one M, or parked;
 * - P↔M links agree both ways; an idle P is on the idle list, owned by nobody, with an empty runq;
 * - sched.npidle, nmidle, nmspinning and mcount() equal their values recomputed from the records;
 * - syscalls, per profile (version.ts syscallKeepsP): 1.19 — an M in a syscall holds no P, and a
 *   _Psyscall P has no owner and names that M (p.syscallm); 1.26 — no P is ever _Psyscall, and an M
 *   in a syscall either still holds its P (_Prunning, wired both ways) or lost it (m.p nil);
 *   either way m.oldp is the P it entered with, unless entersyscallblock handed that off;
 * - the OS (os.ts): the threads on CPU use at most `cores` (ncpu, or less under a CPU limit) (n × rate ≤ ncpu, outside the instant
 *   of a change whose settle event is pending); every M with a CPU stretch is listed once, is running
 *   a G or in a syscall, and ends it in the future; every G inside a Work op holds a stretch.
 * - the GC (mgc.ts): while the world is stopped (sched.gcwaiting) no goroutine runs but the one that
 *   stopped it, and no P but its P is _Prunning; in a mark phase the running dedicated workers never
 *   exceed the cycle's quota (dedicatedMarkWorkersNeeded at the start) nor the idle workers
 *   maxIdleMarkWorkers; outside a mark phase no P runs a worker; a worker in the pool is parked.
 */
import type { Runtime } from './runtime.js';
import { G, _Gdead, _Grunnable, _Grunning, _Gsyscall, _Gwaiting, _Pidle, _Prunning, _Psyscall, runqSize } from './runtime2.js';
import { MS } from '../log/events.js';
import { gcWorkersRunning } from './mgc.js';
import { GCMarkWorkerMode, GCPhase } from '../log/events.js';

export class InvariantError extends Error {}

function fail(rt: Runtime, msg: string): never {
  throw new InvariantError(`invariant violated at t=${rt.sim.now}ns (event ${rt.sim.fired}): ${msg}`);
}

export function checkInvariants(rt: Runtime): void {
  const where = new Map<G, string>();
  const place = (g: G, loc: string): void => {
    const prev = where.get(g);
    if (prev !== undefined) fail(rt, `G${g.goid} is both in ${prev} and ${loc}`);
    where.set(g, loc);
  };
  // Ps
  let idle = 0;
  for (const pp of rt.allp) {
    if (pp.runnext) place(pp.runnext, `P${pp.id}.runnext`);
    const n = pp.runqtail - pp.runqhead;
    if (n < 0 || n > runqSize) fail(rt, `P${pp.id} runq length ${n}`);
    for (let i = pp.runqhead; i < pp.runqtail; i++) place(pp.runq[i % runqSize]!, `P${pp.id}.runq`);
    if (pp.m && pp.m.p !== pp) fail(rt, `P${pp.id}.m = M${pp.m.id} but M${pp.m.id}.p = ${pp.m.p ? 'P' + pp.m.p.id : 'nil'}`);
    if (pp.status === _Pidle && rt.idlepMask[pp.id]) {
      idle++;
      if (pp.m) fail(rt, `idle P${pp.id} owned by M${pp.m.id}`);
      if (n !== 0 || pp.runnext) fail(rt, `idle P${pp.id} has queued Gs`);
    }
    if (pp.status === _Prunning && !pp.m) fail(rt, `running P${pp.id} has no M`);
    if (pp.status === _Psyscall) {
      if (rt.v.syscallKeepsP) fail(rt, `P${pp.id} is _Psyscall under Go ${rt.v.release} (syscallKeepsP)`);
      if (pp.m) fail(rt, `_Psyscall P${pp.id} owned by M${pp.m.id}`);
      const sm = pp.syscallm;
      if (!sm || sm.state !== MS.Syscall || sm.oldp !== pp) fail(rt, `_Psyscall P${pp.id} names no M in a syscall from it`);
    }
  }
  let listed = 0;
  for (let pp = rt.sched.pidle; pp; pp = pp.link) {
    listed++;
    if (listed > rt.allp.length) fail(rt, 'idle P list has a cycle');
    if (!rt.idlepMask[pp.id]) fail(rt, `P${pp.id} on the idle list but not in idlepMask`);
  }
  if (listed !== rt.sched.npidle || idle !== rt.sched.npidle) fail(rt, `npidle=${rt.sched.npidle} but ${listed} listed, ${idle} idle`);
  for (const g of rt.sched.runq) place(g, 'global runq');
  // Ms
  let nmidle = 0;
  let spinning = 0;
  for (let mp = rt.sched.midle; mp; mp = mp.schedlink) {
    nmidle++;
    if (mp.state !== MS.Idle && mp.state !== MS.Waking) fail(rt, `M${mp.id} on the idle list in state ${mp.state}`);
  }
  if (nmidle !== rt.sched.nmidle) fail(rt, `nmidle=${rt.sched.nmidle} but ${nmidle} Ms on the list`);
  for (const mp of rt.allm) {
    if (mp.spinning) spinning++;
    if (mp.p && mp.p.m !== mp) fail(rt, `M${mp.id}.p = P${mp.p.id} but P${mp.p.id}.m = ${mp.p.m ? 'M' + mp.p.m.id : 'nil'}`);
    if (mp.state === MS.Syscall && mp.curg && mp.curg.atomicstatus === _Gsyscall) {
      if (!rt.v.syscallKeepsP && mp.p) fail(rt, `M${mp.id} is in a syscall holding P${mp.p.id} under Go ${rt.v.release}`);
      if (rt.v.syscallKeepsP && mp.p && (mp.p.status !== _Prunning || mp.oldp !== mp.p)) fail(rt, `M${mp.id} in a syscall holds P${mp.p.id} with status ${mp.p.status}, oldp ${mp.oldp ? 'P' + mp.oldp.id : 'nil'}`);
    }
    if (mp.curg) {
      const s = mp.curg.atomicstatus;
      if (s === _Grunning) place(mp.curg, `running on M${mp.id}`);
      else if (s === _Gsyscall) place(mp.curg, `syscall on M${mp.id}`);
      else fail(rt, `M${mp.id}.curg G${mp.curg.goid} has status ${s}`);
      if (mp.curg.m !== mp) fail(rt, `M${mp.id}.curg = G${mp.curg.goid} but its m is ${mp.curg.m ? 'M' + mp.curg.m.id : 'nil'}`);
    }
  }
  // nmspinning counts Ms that will be spinning (startm increments before the M runs) — it can
  // exceed the flags set only transiently inside one event, never between events.
  if (spinning !== rt.sched.nmspinning) fail(rt, `nmspinning=${rt.sched.nmspinning} but ${spinning} Ms spinning`);
  const ns = rt.sched.needspinning;
  if (ns !== 0 && (ns !== 1 || !rt.v.needspinning)) fail(rt, `needspinning=${ns} under Go ${rt.v.release}`);
  checkCPU(rt);
  checkGC(rt);
  const mc = rt.sched.mnext - rt.sched.nmfreed;
  const alive = rt.allm.filter((m) => !m.dead && !m.wedged).length;
  if (mc !== alive) fail(rt, `mcount()=${mc} but ${alive} Ms alive`);
  // Gs
  for (const g of rt.allgs) {
    const s = g.atomicstatus;
    const at = where.get(g);
    if (s === _Gdead || s === _Gwaiting) {
      if (at !== undefined) fail(rt, `G${g.goid} with status ${s} is in ${at}`);
    } else if (s === _Grunnable) {
      // The one cross-event transit: a locked G handed to its waking M (startlockedm).
      const inTransit = g.lockedm !== null && g.lockedm.state === MS.Waking && g.lockedm.lockedg === g;
      if (at === undefined && !inTransit) fail(rt, `runnable G${g.goid} is in no run queue`);
    } else if (at === undefined) fail(rt, `G${g.goid} with status ${s} is nowhere`);
  }
}

/** The GC's stop-the-world and mark worker quotas (mgc.ts). */
function checkGC(rt: Runtime): void {
  const c = rt.gc;
  if (rt.sched.gcwaiting) {
    let running = 0;
    for (const mp of rt.allm) if (mp.curg !== null && mp.curg.atomicstatus === _Grunning) running++;
    if (running > 1) fail(rt, `the world is stopped but ${running} goroutines run`);
    const prunning = rt.allp.filter((pp) => pp.status === _Prunning).length;
    if (prunning > 1) fail(rt, `the world is stopped but ${prunning} Ps are _Prunning`);
  }
  const w = gcWorkersRunning(rt);
  if (c.phase === GCPhase.mark) {
    if (w.dedicated > c.dedicatedQuota) fail(rt, `${w.dedicated} dedicated mark workers run, quota ${c.dedicatedQuota}`);
    if (w.idle > c.maxIdleMarkWorkers) fail(rt, `${w.idle} idle mark workers run, at most ${c.maxIdleMarkWorkers}`);
    if (c.dedicatedRunning + c.dedicatedMarkWorkersNeeded !== c.dedicatedQuota) fail(rt, `dedicated workers: ${c.dedicatedRunning} running + ${c.dedicatedMarkWorkersNeeded} needed ≠ quota ${c.dedicatedQuota}`);
  } else {
    for (const pp of rt.allp) if (pp.gcMarkWorkerMode !== GCMarkWorkerMode.notWorker) fail(rt, `P${pp.id} runs a mark worker (mode ${pp.gcMarkWorkerMode}) outside a mark phase`);
  }
  for (const g of c.workerPool) if (g.atomicstatus !== _Gwaiting) fail(rt, `mark worker G${g.goid} in the pool has status ${g.atomicstatus}`);
}

/** The OS CPU scheduler's records (os.ts) against the Ms. */
function checkCPU(rt: Runtime): void {
  const os = rt.os;
  const now = rt.sim.now;
  const on = os.stretches();
  const n = on.length;
  if (n !== os.n) fail(rt, `${n} CPU stretches listed but n = ${os.n}`);
  if ((os.head === null) !== (n === 0) || (n > 0 && (os.tail !== on[n - 1] || os.head!.cpuPrev !== null))) fail(rt, 'CPU stretch list ends disagree');
  if (!os.settlePending && n * os.rate > os.cores + 1e-9) fail(rt, `${n} threads on CPU at rate ${os.rate} use more than ${os.cores} cores`);
  if (!os.settlePending && os.rate !== os.wanted()) fail(rt, `CPU rate ${os.rate} but ${n} threads on ${os.cores} cores want ${os.wanted()}`);
  on.forEach((mp, i) => {
    if (!mp.onCpu || (i > 0 && mp.cpuPrev !== on[i - 1])) fail(rt, `M${mp.id} is CPU stretch ${i} but its links disagree`);
    if (mp.state !== MS.Running && mp.state !== MS.Syscall) fail(rt, `M${mp.id} holds a CPU share in state ${mp.state}`);
    if (mp.curg === null) fail(rt, `M${mp.id} holds a CPU share without a G`);
    if (mp.cpuEnd < now) fail(rt, `M${mp.id}'s CPU stretch ended at ${mp.cpuEnd}`);
  });
  for (const mp of rt.allm) {
    if (mp.onCpu && !on.includes(mp)) fail(rt, `M${mp.id} has a CPU stretch but is not listed`);
    const gp = mp.curg;
    if (gp !== null && mp.state === MS.Running && gp.workEnd > now && !mp.onCpu) fail(rt, `G${gp.goid} runs a Work op on M${mp.id} without a CPU share`);
  }
}
