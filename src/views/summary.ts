/**
 * The run summary: what the runtime did, computed from the event log only (never from engine
 * state). Pure TypeScript, no Node APIs: the CLI (`--summary`, `--json`) and the web app share it.
 *
 * Two ways in:
 *   - `new SummaryAccumulator()` as a live `EventLog` listener (`log.listen(acc.event)`): works even
 *     when the log is not stored (`storeLog: false`), so long runs cost no memory;
 *   - `summarize(log, end)` over a stored log.
 * Both give the same `Summary` (schema "gmpsim-summary/1", documented in cli/summary-schema.md).
 *
 * Definitions (all from events, see log/events.ts):
 *   - threads: Ms alive (E.MCreate +1, E.MState to MS.Dead −1), as schedtrace's `threads=` (mcount);
 *   - a syscall is "handed off" when its P left it while it was in the kernel: sysmon retook the P
 *     (E.Retake for that M) or the call used entersyscallblock (E.EnterSyscall a = 2);
 *   - exits: E.ExitSyscall a = path: fast = exitsyscallfast (own P again, or an idle P), slow =
 *     exitsyscall0 (an idle P under the lock, or none: the G goes to the global queue, the M stops);
 *   - P time: per P, the simulated time spent in each _P status as views show it (src/log/replay.ts
 *     pShownStatus: E.PState, and since Go 1.26 the E.MState of a P's M entering or leaving a
 *     syscall with it), up to the end of the run.
 */
import { E, ExitPath, MS, RetakeWhy, Loc, GCMarkWorkerMode, GCPhase, GCTrigger, STWReason, type EventLog } from '../log/events.js';
import { PStatusTrack } from '../log/replay.js';

export const summarySchemaId = 'gmpsim-summary/1';

export interface PTime {
  /** P id. */
  p: number;
  idleNs: number;
  runningNs: number;
  syscallNs: number;
  /** _Pgcstop (startup, stop-the-world). Time a P spends destroyed (_Pdead, after a GOMAXPROCS decrease) is not P time. */
  otherNs: number;
}

export interface Summary {
  schema: typeof summarySchemaId;
  /** Simulated time at the end of the run (ns). */
  simTimeNs: number;
  /** Events in the log. */
  events: number;
  gomaxprocs: { initial: number; final: number; peak: number };
  threads: {
    /** Highest number of live Ms at any moment (schedtrace's threads=, mcount). */
    peak: number;
    /** Live Ms at the end. */
    final: number;
    /** Ms ever created (including sysmon and the template thread). */
    created: number;
    /** Ms created as system threads (sysmon, template thread): they never hold a P for user code. */
    system: number;
    /** Simulated time (ns) at which the peak was first reached. */
    peakAtNs: number;
    /** peak − final GOMAXPROCS (how far the thread count went past GOMAXPROCS; may be negative). */
    peakOverGomaxprocs: number;
  };
  goroutines: {
    /** User goroutines created, including main (runtime.* goroutines excluded). */
    created: number;
    /** Runtime goroutines created (runtime.main's helpers, timers' goroutines excluded from `created`). */
    system: number;
    /** Highest number of live user goroutines. */
    peakAlive: number;
    /** Live user goroutines at the end. */
    finalAlive: number;
  };
  syscalls: {
    /** entersyscall/entersyscallblock count (system calls and cgo calls). */
    total: number;
    /** By mode: ordinary syscalls, cgo calls, entersyscallblock. */
    byMode: { syscall: number; cgo: number; block: number };
    /** Calls whose P was taken away while they were in the kernel (retake or entersyscallblock). */
    handedOff: number;
    /** Calls that completed with their P never taken away. */
    keptP: number;
    /** exitsyscall outcomes. */
    exits: { fastOldP: number; fastIdleP: number; slowIdleP: number; slowNoP: number };
    /** exitsyscallfast (fastOldP + fastIdleP). */
    fastExits: number;
    /** exitsyscall0 (slowIdleP + slowNoP). */
    slowExits: number;
    /** Still in the kernel when the run ended. */
    unfinished: number;
  };
  /**
   * sysmon retakes by reason (E.Retake's a): the P's run queue had work, no P was idle, the syscall
   * was seen for ≥ 10 ms, or the P's 10 ms time slice ran out while its goroutine was in a syscall.
   */
  retakes: { total: number; runqNotEmpty: number; noIdleP: number; long: number; timeSlice: number };
  /** handoffp calls (all causes, spec §6.5). */
  handoffs: number;
  preemptions: {
    /** sysmon preemption requests (a G ran ≥ 10 ms). */
    requests: number;
    /** Requests that sent SIGURG. */
    signals: number;
    /** Goroutines actually preempted asynchronously (at the signal). */
    async: number;
    /** Goroutines preempted cooperatively (at a function call). */
    cooperative: number;
  };
  steals: { count: number; goroutines: number };
  netpoll: {
    /** netpoll calls (blocking and non-blocking). */
    calls: number;
    /** Calls that returned at least one goroutine. */
    wakeups: number;
    /** Goroutines made runnable by netpoll. */
    goroutinesReady: number;
  };
  threadsStarted: { startm: number; newThreads: number };
  /** Spinning Ms (looking for work with a P, spec §6.1): total M-time spent spinning and the most at once. */
  spinning: { totalNs: number; peak: number };
  /** Per P, time spent in each status while it existed (not _Pdead); `total` sums all Ps. */
  pTime: { total: Omit<PTime, 'p'>; perP: PTime[] };
  /** schedtrace lines printed. */
  schedtraceLines: number;
  /**
   * The garbage collector (runtime/mgc.ts events): cycles started by trigger (the heap reaching its
   * goal, sysmon's forcegc after 2 minutes without one, runtime.GC()), cycles finished, the time the
   * world was stopped for them (sweep and mark termination) and for ReadMemStats, the mark phase's
   * wall time, mark assists, and the scavenger's runs (sysmon's duties in the seeds' table).
   */
  gc: {
    cycles: number;
    finished: number;
    byTrigger: { heap: number; forcegc: number; runtimeGC: number };
    /** Times sysmon readied the forcegc goroutine. */
    forcegcWakeups: number;
    stwPauses: number;
    stwNs: number;
    readMemStatsPauses: number;
    markNs: number;
    assists: number;
    assistNs: number;
    markWorkerStarts: { dedicated: number; fractional: number; idle: number };
    scavengerRuns: number;
    scavengedBytes: number;
  };
}

const P_IDLE = 0;
const P_RUNNING = 1;
const P_SYSCALL = 2;

interface MInfo {
  dead: boolean;
  inSyscall: boolean;
  handedOff: boolean;
}

/** Builds a Summary from events, one at a time. `event` is bound: pass it to `log.listen`. */
export class SummaryAccumulator {
  private t = 0;
  private n = 0;
  private gmpInitial = -1;
  private gmp = 0;
  private gmpPeak = 0;
  private threads = 0;
  private threadsPeak = 0;
  private threadsPeakAt = 0;
  private mCreated = 0;
  private mSystem = 0;
  private ms: MInfo[] = [];
  private userG = new Set<number>();
  private gCreated = 0;
  private gSystem = 0;
  private gAlive = 0;
  private gPeak = 0;
  private sys = { total: 0, syscall: 0, cgo: 0, block: 0, handedOff: 0, keptP: 0, fastOldP: 0, fastIdleP: 0, slowIdleP: 0, slowNoP: 0 };
  private retake = { total: 0, runqNotEmpty: 0, noIdleP: 0, long: 0, timeSlice: 0 };
  private handoffs = 0;
  private pre = { requests: 0, signals: 0, async: 0, cooperative: 0 };
  private steal = { count: 0, goroutines: 0 };
  private np = { calls: 0, wakeups: 0, goroutinesReady: 0 };
  private startm = { startm: 0, newThreads: 0 };
  private traces = 0;
  /** When each M started spinning (−1: not spinning), the spinning count, total and peak. */
  private spinSince: number[] = [];
  private spinNow = 0;
  private spinTotal = 0;
  private spinPeak = 0;
  /** Per P: current status, since when, accumulated ns per status (0..4). */
  private pStatus: number[] = [];
  private pSince: number[] = [];
  private pAcc: number[][] = [];
  /** The P statuses as views show them (a P whose M is in a syscall counts as in syscall in every version). */
  private readonly pTrack = new PStatusTrack();
  private gc = { cycles: 0, finished: 0, heap: 0, forcegc: 0, runtimeGC: 0, forcegcWakeups: 0, stwPauses: 0, stwNs: 0, readMemStatsPauses: 0, markNs: 0, assists: 0, assistNs: 0, dedicated: 0, fractional: 0, idle: 0, scavengerRuns: 0, scavengedBytes: 0 };
  /** When the current stop-the-world and mark phase began (−1: none). */
  private stwSince = -1;
  private markSince = -1;

  readonly event = (t: number, k: number, g: number, m: number, p: number, a: number, b: number): void => {
    this.t = t;
    this.n++;
    switch (k) {
      case E.MCreate:
        this.ms[m] = { dead: false, inSyscall: false, handedOff: false };
        this.mCreated++;
        if (a === 1) this.mSystem++;
        this.threads++;
        if (this.threads > this.threadsPeak) {
          this.threadsPeak = this.threads;
          this.threadsPeakAt = t;
        }
        break;
      case E.MState: {
        const mi = this.ms[m];
        if (a === MS.Dead && mi && !mi.dead) {
          mi.dead = true;
          this.threads--;
        }
        // An M entering or leaving a syscall with its P (Go ≥ 1.26) changes the P's shown status.
        const sp = this.pTrack.apply(k, m, p, a);
        if (sp >= 0 && this.pAcc[sp] !== undefined && this.pTrack.shown(sp) !== this.pStatus[sp]) this.pstate(t, sp, this.pTrack.shown(sp));
        break;
      }
      case E.GoCreate:
        if (this.userGoroutine(b)) {
          this.userG.add(g);
          this.gCreated++;
          this.gAlive++;
          if (this.gAlive > this.gPeak) this.gPeak = this.gAlive;
        } else {
          this.gSystem++;
        }
        break;
      case E.GLoc:
        if (a === Loc.Dead && this.userG.delete(g)) this.gAlive--;
        break;
      case E.PState:
        this.pTrack.apply(k, m, p, a);
        this.pstate(t, p, this.pTrack.shown(p));
        break;
      case E.Procs:
        if (this.gmpInitial < 0) this.gmpInitial = a;
        this.gmp = a;
        if (a > this.gmpPeak) this.gmpPeak = a;
        break;
      case E.EnterSyscall: {
        this.sys.total++;
        if (a === 1) this.sys.cgo++;
        else if (a === 2) this.sys.block++;
        else this.sys.syscall++;
        const mi = this.m(m);
        mi.inSyscall = true;
        mi.handedOff = a === 2;
        break;
      }
      case E.Retake: {
        this.retake.total++;
        if (a === RetakeWhy.RunqNotEmpty) this.retake.runqNotEmpty++;
        else if (a === RetakeWhy.NoIdle) this.retake.noIdleP++;
        else if (a === RetakeWhy.Long) this.retake.long++;
        else if (a === RetakeWhy.TimeSlice) this.retake.timeSlice++;
        if (m >= 0) {
          const mi = this.m(m);
          if (mi.inSyscall) mi.handedOff = true;
        }
        break;
      }
      case E.ExitSyscall: {
        // KeptP (Go ≥ 1.26: nobody took the P) is the same outcome as 1.19's FastOldP: the G goes on with its own P.
        if (a === ExitPath.FastOldP || a === ExitPath.KeptP) this.sys.fastOldP++;
        else if (a === ExitPath.FastIdleP) this.sys.fastIdleP++;
        else if (a === ExitPath.SlowIdleP) this.sys.slowIdleP++;
        else if (a === ExitPath.SlowGlobal) this.sys.slowNoP++;
        const mi = this.m(m);
        if (mi.inSyscall) {
          if (mi.handedOff) this.sys.handedOff++;
          else this.sys.keptP++;
        }
        mi.inSyscall = false;
        mi.handedOff = false;
        break;
      }
      case E.Handoff:
        this.handoffs++;
        break;
      case E.Preempt:
        this.pre.requests++;
        if (a === 1) this.pre.signals++;
        break;
      case E.Preempted:
        if (a === 1) this.pre.async++;
        else this.pre.cooperative++;
        break;
      case E.Steal:
        this.steal.count++;
        this.steal.goroutines += b;
        break;
      case E.Netpoll:
        this.np.calls++;
        if (a > 0) {
          this.np.wakeups++;
          this.np.goroutinesReady += a;
        }
        break;
      case E.StartM:
        this.startm.startm++;
        if (b === 1) this.startm.newThreads++;
        break;
      case E.SchedTrace:
        this.traces++;
        break;
      case E.GCStart:
        this.gc.cycles++;
        if (b === GCTrigger.heap) this.gc.heap++;
        else if (b === GCTrigger.time) this.gc.forcegc++;
        else if (b === GCTrigger.cycle) this.gc.runtimeGC++;
        break;
      case E.STW:
        if (b === STWReason.GCSweepTerm || b === STWReason.GCMarkTerm) {
          if (a === 1) {
            this.gc.stwPauses++;
            this.stwSince = t;
          } else if (this.stwSince >= 0) {
            this.gc.stwNs += t - this.stwSince;
            this.stwSince = -1;
          }
        } else if (b === STWReason.ReadMemStats && a === 1) this.gc.readMemStatsPauses++;
        break;
      case E.GCPhase:
        if (a === GCPhase.mark) this.markSince = t;
        else if (a === GCPhase.marktermination && this.markSince >= 0) {
          this.gc.markNs += t - this.markSince;
          this.markSince = -1;
        }
        break;
      case E.GCDone:
        this.gc.finished++;
        break;
      case E.GCAssist:
        this.gc.assists++;
        this.gc.assistNs += a;
        break;
      case E.GCWorker:
        if (a === GCMarkWorkerMode.dedicated) this.gc.dedicated++;
        else if (a === GCMarkWorkerMode.fractional) this.gc.fractional++;
        else if (a === GCMarkWorkerMode.idle) this.gc.idle++;
        break;
      case E.ForceGC:
        this.gc.forcegcWakeups++;
        break;
      case E.Scavenge:
        this.gc.scavengerRuns++;
        this.gc.scavengedBytes += a;
        break;
      case E.MSpin: {
        const since = this.spinSince[m] ?? -1;
        if (a === 1 && since < 0) {
          this.spinSince[m] = t;
          this.spinNow++;
          if (this.spinNow > this.spinPeak) this.spinPeak = this.spinNow;
        } else if (a === 0 && since >= 0) {
          this.spinTotal += t - since;
          this.spinSince[m] = -1;
          this.spinNow--;
        }
        break;
      }
      default:
        break;
    }
  };

  /** The log whose strings name goroutines (GoCreate's b). Set before listening. */
  constructor(private readonly names?: { string(id: number): string }) {}

  private userGoroutine(nameId: number): boolean {
    const name = this.names ? this.names.string(nameId) : '';
    return !name.startsWith('runtime.');
  }

  private m(id: number): MInfo {
    let mi = this.ms[id];
    if (!mi) {
      mi = { dead: false, inSyscall: false, handedOff: false };
      this.ms[id] = mi;
    }
    return mi;
  }

  private pstate(t: number, p: number, status: number): void {
    if (p < 0) return;
    if (this.pAcc[p] === undefined) {
      this.pAcc[p] = [0, 0, 0, 0, 0];
      this.pStatus[p] = status;
      this.pSince[p] = t;
      return;
    }
    const prev = this.pStatus[p]!;
    this.pAcc[p]![prev] = (this.pAcc[p]![prev] ?? 0) + (t - this.pSince[p]!);
    this.pStatus[p] = status;
    this.pSince[p] = t;
  }

  /** The summary at the current point (the end of the run when called after it). `endNs` defaults to the last event's time. */
  result(endNs = this.t): Summary {
    const perP: PTime[] = [];
    const total = { idleNs: 0, runningNs: 0, syscallNs: 0, otherNs: 0 };
    for (let p = 0; p < this.pAcc.length; p++) {
      const acc = this.pAcc[p];
      if (!acc) continue;
      const a = acc.slice();
      const st = this.pStatus[p]!;
      a[st] = (a[st] ?? 0) + Math.max(0, endNs - this.pSince[p]!);
      const row: PTime = {
        p,
        idleNs: a[P_IDLE]!,
        runningNs: a[P_RUNNING]!,
        syscallNs: a[P_SYSCALL]!,
        // a[4] (_Pdead) is left out: a destroyed P is not one of the run's Ps (allp) any more.
        otherNs: a[3]!,
      };
      perP.push(row);
      total.idleNs += row.idleNs;
      total.runningNs += row.runningNs;
      total.syscallNs += row.syscallNs;
      total.otherNs += row.otherNs;
    }
    const unfinished = this.ms.filter((m) => m && m.inSyscall && !m.dead).length;
    const s = this.sys;
    return {
      schema: summarySchemaId,
      simTimeNs: endNs,
      events: this.n,
      gomaxprocs: { initial: Math.max(this.gmpInitial, 0), final: this.gmp, peak: this.gmpPeak },
      threads: {
        peak: this.threadsPeak,
        final: this.threads,
        created: this.mCreated,
        system: this.mSystem,
        peakAtNs: this.threadsPeakAt,
        peakOverGomaxprocs: this.threadsPeak - this.gmp,
      },
      goroutines: { created: this.gCreated, system: this.gSystem, peakAlive: this.gPeak, finalAlive: this.gAlive },
      syscalls: {
        total: s.total,
        byMode: { syscall: s.syscall, cgo: s.cgo, block: s.block },
        handedOff: s.handedOff,
        keptP: s.keptP,
        exits: { fastOldP: s.fastOldP, fastIdleP: s.fastIdleP, slowIdleP: s.slowIdleP, slowNoP: s.slowNoP },
        fastExits: s.fastOldP + s.fastIdleP,
        slowExits: s.slowIdleP + s.slowNoP,
        unfinished,
      },
      retakes: { ...this.retake },
      handoffs: this.handoffs,
      preemptions: { ...this.pre },
      steals: { ...this.steal },
      netpoll: { ...this.np },
      threadsStarted: { ...this.startm },
      pTime: { total, perP },
      spinning: { totalNs: this.spinTotal + this.spinSince.reduce((acc, since) => acc + (since >= 0 ? endNs - since : 0), 0), peak: this.spinPeak },
      schedtraceLines: this.traces,
      gc: {
        cycles: this.gc.cycles,
        finished: this.gc.finished,
        byTrigger: { heap: this.gc.heap, forcegc: this.gc.forcegc, runtimeGC: this.gc.runtimeGC },
        forcegcWakeups: this.gc.forcegcWakeups,
        stwPauses: this.gc.stwPauses,
        stwNs: this.gc.stwNs,
        readMemStatsPauses: this.gc.readMemStatsPauses,
        markNs: this.gc.markNs,
        assists: this.gc.assists,
        assistNs: this.gc.assistNs,
        markWorkerStarts: { dedicated: this.gc.dedicated, fractional: this.gc.fractional, idle: this.gc.idle },
        scavengerRuns: this.gc.scavengerRuns,
        scavengedBytes: this.gc.scavengedBytes,
      },
    };
  }
}

/** Summarize a stored log. */
export function summarize(log: EventLog, endNs?: number): Summary {
  const acc = new SummaryAccumulator(log);
  for (let i = 0; i < log.length; i++) {
    acc.event(log.t[i]!, log.k[i]!, log.g[i]!, log.m[i]!, log.p[i]!, log.a[i]!, log.b[i]!);
  }
  return acc.result(endNs);
}

/** Go-style duration text for the summary (1.5ms, 2s, 300µs, 0s). */
export function durationText(ns: number): string {
  if (ns === 0) return '0s';
  const abs = Math.abs(ns);
  const r = (x: number): string => String(Math.round(x * 1000) / 1000);
  if (abs < 1e3) return `${r(ns)}ns`;
  if (abs < 1e6) return `${r(ns / 1e3)}µs`;
  if (abs < 1e9) return `${r(ns / 1e6)}ms`;
  return `${r(ns / 1e9)}s`;
}

function pct(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  return `${Math.round((1000 * part) / whole) / 10}%`;
}

export interface SummaryTextInfo {
  /** Shown in the title line. */
  file?: string;
  exitCode?: number;
  reason?: string;
  /** Wall-clock time of the run (ms); omitted when undefined. */
  wallMs?: number;
  /** The Go release, shown in the title line when given (the CLI gives it when it is not the default). */
  go?: string;
}

/** The human summary (a few aligned lines). */
export function formatSummary(s: Summary, info: SummaryTextInfo = {}): string {
  const L: string[] = [];
  const row = (k: string, v: string): void => {
    L.push(`  ${k.padEnd(16)}${v}`);
  };
  L.push(`── gmpsim summary${info.file ? `: ${info.file}` : ''}${info.go ? ` (Go ${info.go})` : ''} ──`);
  if (info.exitCode !== undefined) row('exit status', `${info.exitCode}${info.reason ? ` (${reasonText(info.reason)})` : ''}`);
  row('simulated time', `${durationText(s.simTimeNs)}${info.wallMs !== undefined ? `   wall ${Math.round(info.wallMs)}ms` : ''}   ${s.events} events`);
  const g = s.gomaxprocs;
  row('GOMAXPROCS', g.initial === g.final ? `${g.final}` : `${g.initial} → ${g.final}`);
  const t = s.threads;
  const over = t.peak - g.final;
  row('threads', `peak ${t.peak} at ${durationText(t.peakAtNs)}, final ${t.final} (${over > 0 ? `${over} more than` : over === 0 ? 'equal to' : `${-over} fewer than`} GOMAXPROCS; ${t.system} system)`);
  row('goroutines', `${s.goroutines.created} created, peak ${s.goroutines.peakAlive} alive, ${s.goroutines.finalAlive} alive at the end`);
  const sc = s.syscalls;
  const modes = [sc.byMode.cgo ? `${sc.byMode.cgo} cgo` : '', sc.byMode.block ? `${sc.byMode.block} entersyscallblock` : ''].filter(Boolean).join(', ');
  row('syscalls', `${sc.total}${modes ? ` (${modes})` : ''}: ${sc.handedOff} handed off their P, ${sc.keptP} kept it${sc.unfinished ? `, ${sc.unfinished} unfinished` : ''}`);
  row('  exits', `${sc.fastExits} fast (${sc.exits.fastOldP} own P, ${sc.exits.fastIdleP} idle P), ${sc.slowExits} slow (${sc.exits.slowIdleP} idle P, ${sc.exits.slowNoP} no P → global queue)`);
  const r = s.retakes;
  row('retakes', `${r.total} (${r.runqNotEmpty} run queue not empty, ${r.noIdleP} no idle P, ${r.long} syscall ≥ 10ms${r.timeSlice ? `, ${r.timeSlice} time slice over` : ''}); ${s.handoffs} handoffp`);
  const p = s.preemptions;
  row('preemptions', `${p.async + p.cooperative} (${p.async} async by signal, ${p.cooperative} cooperative); ${p.requests} sysmon requests`);
  row('steals', `${s.steals.count} (${s.steals.goroutines} goroutines)`);
  row('netpoll', `${s.netpoll.goroutinesReady} goroutines woken in ${s.netpoll.wakeups} of ${s.netpoll.calls} calls`);
  row('spinning', `${durationText(s.spinning.totalNs)} of M time spent spinning (at most ${s.spinning.peak} at once)`);
  const gc = s.gc;
  if (gc.cycles > 0 || gc.forcegcWakeups > 0 || gc.scavengerRuns > 0 || gc.readMemStatsPauses > 0) {
    const tr = gc.byTrigger;
    row('GC', `${gc.cycles} cycles (${tr.heap} heap goal, ${tr.forcegc} forced by sysmon's forcegc, ${tr.runtimeGC} runtime.GC), ${gc.finished} finished; world stopped ${gc.stwPauses}× for ${durationText(gc.stwNs)}${gc.readMemStatsPauses ? ` (+${gc.readMemStatsPauses} ReadMemStats)` : ''}`);
    const w = gc.markWorkerStarts;
    row('  mark', `${durationText(gc.markNs)} in mark phases; workers started ${w.dedicated} dedicated, ${w.fractional} fractional, ${w.idle} idle; ${gc.assists} assists (${durationText(gc.assistNs)})`);
    row('  scavenger', `${gc.scavengerRuns} runs, ${Math.round(gc.scavengedBytes / 1024)} KB returned to the OS`);
  }
  const pt = s.pTime.total;
  const all = pt.idleNs + pt.runningNs + pt.syscallNs + pt.otherNs;
  row('P time', `running ${pct(pt.runningNs, all)}, idle ${pct(pt.idleNs, all)}, in syscall ${pct(pt.syscallNs, all)}${pt.otherNs > 0 ? `, stopped ${pct(pt.otherNs, all)}` : ''} (of the time each P existed)`);
  if (s.pTime.perP.length > 1 && s.pTime.perP.length <= 16) {
    for (const q of s.pTime.perP) {
      const tot = q.idleNs + q.runningNs + q.syscallNs + q.otherNs;
      row(`  P${q.p}`, `running ${pct(q.runningNs, tot)}, idle ${pct(q.idleNs, tot)}, in syscall ${pct(q.syscallNs, tot)}`);
    }
  }
  return L.join('\n') + '\n';
}

function reasonText(reason: string): string {
  switch (reason) {
    case 'exit':
      return 'exited';
    case 'fatal':
      return 'fatal error';
    case 'panic':
      return 'panic';
    case 'budget':
      return 'stopped by gmpsim: budget';
    case 'hang':
      return 'stopped by gmpsim: hang';
    default:
      return reason;
  }
}

/** One run of an A/B comparison (`gmpsim run --go 1.19,1.26 --summary`). */
export interface SummaryColumn {
  /** Column heading, e.g. "Go 1.19". */
  label: string;
  summary: Summary;
  exitCode: number;
  reason: string;
}

/**
 * The A/B summary: one row per figure, one column per run, and `≠` before every row whose values
 * differ. Only simulated figures (no wall time), so the text is deterministic.
 */
export function formatSummaryAB(cols: SummaryColumn[], file?: string): string {
  const rows: [string, (c: SummaryColumn) => string][] = [
    ['exit status', (c) => `${c.exitCode} (${reasonText(c.reason)})`],
    ['simulated time', (c) => durationText(c.summary.simTimeNs)],
    ['events', (c) => String(c.summary.events)],
    ['GOMAXPROCS', (c) => (c.summary.gomaxprocs.initial === c.summary.gomaxprocs.final ? `${c.summary.gomaxprocs.final}` : `${c.summary.gomaxprocs.initial} → ${c.summary.gomaxprocs.final}`)],
    ['threads peak', (c) => `${c.summary.threads.peak} at ${durationText(c.summary.threads.peakAtNs)}`],
    ['threads final', (c) => `${c.summary.threads.final} (${c.summary.threads.system} system)`],
    ['goroutines', (c) => `${c.summary.goroutines.created} created, peak ${c.summary.goroutines.peakAlive}`],
    ['system goroutines', (c) => String(c.summary.goroutines.system)],
    ['syscalls', (c) => String(c.summary.syscalls.total)],
    ['  handed off P', (c) => String(c.summary.syscalls.handedOff)],
    ['  kept P', (c) => String(c.summary.syscalls.keptP)],
    ['  fast exits', (c) => `${c.summary.syscalls.fastExits} (${c.summary.syscalls.exits.fastOldP} own P)`],
    ['  slow exits', (c) => String(c.summary.syscalls.slowExits)],
    ['retakes', (c) => String(c.summary.retakes.total)],
    ['handoffp', (c) => String(c.summary.handoffs)],
    ['preemptions', (c) => `${c.summary.preemptions.async} async, ${c.summary.preemptions.cooperative} coop`],
    ['steals', (c) => `${c.summary.steals.count} (${c.summary.steals.goroutines} Gs)`],
    ['netpoll wakeups', (c) => `${c.summary.netpoll.wakeups} of ${c.summary.netpoll.calls}`],
    ['threads started', (c) => `${c.summary.threadsStarted.newThreads} new, ${c.summary.threadsStarted.startm} startm`],
    ['spinning', (c) => durationText(c.summary.spinning.totalNs)],
    ['P running', (c) => pTimeShare(c.summary, 'runningNs')],
    ['P idle', (c) => pTimeShare(c.summary, 'idleNs')],
    ['P in syscall', (c) => pTimeShare(c.summary, 'syscallNs')],
  ];
  const cells = rows.map(([k, f]) => [k, ...cols.map(f)] as string[]);
  const head = ['', ...cols.map((c) => c.label)];
  const w = head.map((_, i) => Math.max(head[i]!.length, ...cells.map((r) => r[i]!.length)));
  const line = (r: string[], mark: string): string => `${mark} ${r.map((x, i) => (i === r.length - 1 ? x : x.padEnd(w[i]! + 2))).join('')}`.trimEnd();
  const L: string[] = [`── gmpsim A/B summary${file ? `: ${file}` : ''} (≠ marks a difference) ──`, line(head, ' ')];
  for (const r of cells) L.push(line(r, r.slice(2).some((x) => x !== r[1]) ? '≠' : ' '));
  return L.join('\n') + '\n';
}

function pTimeShare(s: Summary, k: 'runningNs' | 'idleNs' | 'syscallNs'): string {
  const t = s.pTime.total;
  return pct(t[k], t.idleNs + t.runningNs + t.syscallNs + t.otherNs);
}
