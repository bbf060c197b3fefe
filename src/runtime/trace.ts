/**
 * GODEBUG=schedtrace=N[,scheddetail=1] output in the exact format of the run's Go release (Go:
 * proc.go schedtrace; rt.v.schedtraceFormat picks go1.19's or go1.26's).
 * Spec §17. Printed by sysmon to stderr; the text is emitted as an E.SchedTrace event and as
 * program stderr (E.Write fd 2), so every view shows the same bytes.
 *
 * Format notes (1.19; 1.26's differences are in schedtrace126): per-P numbers are tail−head (runnext excluded); missing ids print −1;
 * gcwaiting/sysmonwait print 0/1; Ms are listed newest first (allm), Gs in creation order
 * including dead ones; sysmon's own M shows locks=2 while it prints.
 *
 * Cost: the runtime's print writes every argument of a print call with its own write(2) (print.go
 * gwrite → writeErr: no buffer outside a panic), so a scheddetail dump is hundreds of write calls;
 * sysmon pays printCost for each before it sleeps again (a 1-byte write to a pipe with a reader:
 * ≈0.5–0.7 µs, calibrate.go print_write_us), ≈0.1–0.2 ms per scheddetail dump.
 */
import { E } from '../log/events.js';
import type { Runtime } from './runtime.js';
import { mcount } from './proc.js';
import { runqlen } from './runq.js';
import type { M } from './runtime2.js';

export function schedtraceText(rt: Runtime, detailed: boolean, sinceStartNs: number, dying: M | null = null): string {
  return rt.v.schedtraceFormat === '1.26' ? schedtrace126(rt, detailed, sinceStartNs, dying) : schedtrace119(rt, detailed, sinceStartNs, dying);
}

/**
 * The locks a dumped M holds: sysmon holds two while it prints; a crashing M is mid-throw (mallocing,
 * throwing, dying) and holds two in go1.19, three in go1.26 (a deadlock's dump with schedtrace on,
 * recorded in test/versions/recorded/deaddump.p1-trace.*).
 */
function mLocks(rt: Runtime, mp: M, dying: M | null): number {
  if (mp === dying) return rt.v.schedtraceFormat === '1.26' ? 3 : 2;
  return mp === rt.curm && rt.sysmon !== null && mp === rt.sysmon.m ? 2 : 0;
}

/** go1.19's proc.go schedtrace: -1 for a missing M/P/G, gcwaiting/sysmonwait as 0/1, `[a b]` run queues. */
function schedtrace119(rt: Runtime, detailed: boolean, sinceStartNs: number, dying: M | null): string {
  const sched = rt.sched;
  let s = `SCHED ${Math.floor(sinceStartNs / 1e6)}ms: gomaxprocs=${rt.gomaxprocs} idleprocs=${sched.npidle} threads=${mcount(rt)} spinningthreads=${sched.nmspinning} idlethreads=${sched.nmidle} runqueue=${sched.runq.size}`;
  if (detailed) {
    s += ` gcwaiting=${sched.gcwaiting ? 1 : 0} nmidlelocked=${sched.nmidlelocked} stopwait=${sched.stopwait} sysmonwait=${sched.sysmonwait ? 1 : 0}\n`;
  }
  const allp = rt.allp;
  for (let i = 0; i < allp.length; i++) {
    const pp = allp[i]!;
    const n = runqlen(pp);
    if (detailed) {
      s += `  P${i}: status=${pp.status} schedtick=${pp.schedtick} syscalltick=${pp.syscalltick} m=${pp.m ? pp.m.id : -1} runqsize=${n} gfreecnt=${pp.gFree.length} timerslen=${pp.timers.length}\n`;
    } else {
      s += ' ';
      if (i === 0) s += '[';
      s += n;
      if (i === allp.length - 1) s += ']\n';
    }
  }
  if (!detailed) return s;
  for (let i = rt.allm.length - 1; i >= 0; i--) {
    const mp = rt.allm[i]!;
    if (mp.dead) continue;
    const d = mp === dying;
    const flag = d ? 1 : 0;
    s += `  M${mp.id}: p=${mp.p ? mp.p.id : -1} curg=${mp.curg ? mp.curg.goid : -1} mallocing=${flag} throwing=${flag} preemptoff= locks=${mLocks(rt, mp, dying)} dying=${flag} spinning=${mp.spinning} blocked=${d ? false : mp.blocked} lockedg=${mp.lockedg ? mp.lockedg.goid : -1}\n`;
  }
  for (const gp of rt.allgs) {
    s += `  G${gp.goid}: status=${gp.atomicstatus}(${gp.waitreason}) m=${gp.m ? gp.m.id : -1} lockedm=${gp.lockedm ? gp.lockedm.id : -1}\n`;
  }
  return s;
}

/**
 * go1.26's proc.go schedtrace: `needspinning=` after spinningthreads, gcwaiting/sysmonwait as
 * false/true (atomic.Bool), `nil` for a missing M/P/G, run queues as `[ a b ]`, then
 * ` schedticks=[ t0 t1 ]` (each P's schedtick followed by a space). Verified against go1.26.8
 * (test/views/formats.test.ts).
 */
function schedtrace126(rt: Runtime, detailed: boolean, sinceStartNs: number, dying: M | null): string {
  const sched = rt.sched;
  let s = `SCHED ${Math.floor(sinceStartNs / 1e6)}ms: gomaxprocs=${rt.gomaxprocs} idleprocs=${sched.npidle} threads=${mcount(rt)} spinningthreads=${sched.nmspinning} needspinning=${sched.needspinning} idlethreads=${sched.nmidle} runqueue=${sched.runq.size}`;
  if (detailed) {
    s += ` gcwaiting=${sched.gcwaiting} nmidlelocked=${sched.nmidlelocked} stopwait=${sched.stopwait} sysmonwait=${sched.sysmonwait}\n`;
  }
  const allp = rt.allp;
  const id = (x: { id: number } | null): string => (x ? String(x.id) : 'nil');
  for (let i = 0; i < allp.length; i++) {
    const pp = allp[i]!;
    const n = runqlen(pp);
    if (detailed) {
      s += `  P${i}: status=${pp.status} schedtick=${pp.schedtick} syscalltick=${pp.syscalltick} m=${id(pp.m)} runqsize=${n} gfreecnt=${pp.gFree.length} timerslen=${pp.timers.length}\n`;
    } else {
      s += ' ';
      if (i === 0) s += '[ ';
      s += n;
      if (i === allp.length - 1) s += ' ]';
    }
  }
  if (!detailed) {
    s += ' schedticks=[ ';
    for (const pp of allp) s += `${pp.schedtick} `;
    return s + ']\n';
  }
  for (let i = rt.allm.length - 1; i >= 0; i--) {
    const mp = rt.allm[i]!;
    if (mp.dead) continue;
    const d = mp === dying;
    const flag = d ? 1 : 0;
    s += `  M${mp.id}: p=${id(mp.p)} curg=${mp.curg ? mp.curg.goid : 'nil'} mallocing=${flag} throwing=${flag} preemptoff= locks=${mLocks(rt, mp, dying)} dying=${flag} spinning=${mp.spinning} blocked=${d ? false : mp.blocked} lockedg=${mp.lockedg ? mp.lockedg.goid : 'nil'}\n`;
  }
  for (const gp of rt.allgs) {
    s += `  G${gp.goid}: status=${gp.atomicstatus}(${gp.waitreason}) m=${id(gp.m)} lockedm=${id(gp.lockedm)}\n`;
  }
  return s;
}

/**
 * The number of write(2) calls schedtrace makes: one per argument of its print calls (go1.19's
 * proc.go schedtrace: the SCHED line 14, its scheddetail tail 9; a P 19 detailed, else " ", the
 * count, "[" before the first and "]\n" after the last; an M 27; a G 12. go1.26's: the SCHED line
 * 16 (needspinning); a P 17 detailed, else as 1.19's plus the schedticks list, 2 + 2 per P; an M 23;
 * a G 11).
 */
export function schedtraceWrites(rt: Runtime, detailed: boolean): number {
  const nP = rt.allp.length;
  let nM = 0;
  if (detailed) for (const mp of rt.allm) if (!mp.dead) nM++;
  if (rt.v.schedtraceFormat === '1.26') {
    if (!detailed) return 16 + 2 * nP + (nP > 0 ? 2 : 0) + 2 + 2 * nP;
    return 16 + 9 + 17 * nP + 23 * nM + 11 * rt.allgs.length;
  }
  if (!detailed) return 14 + 2 * nP + (nP > 0 ? 2 : 0);
  return 14 + 9 + 19 * nP + 27 * nM + 12 * rt.allgs.length;
}

/** sysmon prints a trace; returns the time its write(2) calls take (schedtraceWrites × printCost). */
export function schedtrace(rt: Runtime, detailed: boolean, sinceStartNs: number): number {
  const text = schedtraceText(rt, detailed, sinceStartNs);
  const id = rt.log.str(text);
  rt.log.ev(E.SchedTrace, -1, rt.curm ? rt.curm.id : -1, -1, id, 0);
  rt.write(2, text);
  return schedtraceWrites(rt, detailed) * rt.cost.printCost;
}
