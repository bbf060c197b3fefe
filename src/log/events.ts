/**
 * The structured event log: the single source every view is derived from.
 *
 * The runtime model calls `log.ev(kind, g, m, p, a, b)` at every state change and every scheduler
 * decision, stamped with the simulated time. Views (program output, schedtrace, the summary, plots,
 * the browser picture, tests) never read scheduler state on their own: they either listen to the
 * stream or replay the stored columns (see replay.ts, which rebuilds G/M/P state from the log).
 *
 * Storage is columnar (typed arrays, grown by doubling) so a run with millions of events costs
 * ~28 bytes an event and no per-event objects. Strings (output text, function names, fatal texts)
 * are interned once and referenced by id. Storage can be switched off (`store = false`) for
 * benchmarks; listeners still see every event.
 *
 * Ids: g = goid, m = M id, p = P id; −1 = none. Field meanings per kind are given below as
 * (g, m, p, a, b); unused fields are −1 or 0.
 */

/** G locations (where a G is after a `GLoc` event). Status follows from the location. */
export const Loc = {
  /** Runnable, in transit (popped from a queue, not yet running). */
  None: 0,
  /** P's runnext slot (a = p). */
  Runnext: 1,
  /** Tail of P's local run queue (a = p). */
  Runq: 2,
  /** Tail of the global run queue. */
  Global: 3,
  /** Head of the global run queue (globrunqputhead: a destroyed P's Gs). */
  GlobalHead: 4,
  /** Running on M (a = m). */
  Running: 5,
  /** In a system call or cgo call on M (a = m). */
  Syscall: 6,
  /** Parked (gopark); b = interned wait reason. */
  Waiting: 7,
  /** Parked on the netpoller (IO wait). */
  Netpoll: 8,
  /** Dead (goexit0). */
  Dead: 9,
} as const;
export type LocCode = (typeof Loc)[keyof typeof Loc];

/** What an M is doing (the simulator's view of the thread; Go has no single field for it). */
export const MS = {
  /** Being created (clone in flight). */
  Starting: 0,
  /** In the scheduler (schedule/findRunnable), holding a P. */
  Scheduling: 1,
  /** Running user G `g`. */
  Running: 2,
  /** Blocked in a syscall/cgo call with G `g`. */
  Syscall: 3,
  /** Parked on the idle list (stopm). */
  Idle: 4,
  /** Parked waiting for its locked G (stoplockedm). */
  LockedIdle: 5,
  /** Blocked in netpoll (epoll_wait) with a timeout of `b` ns (−1 = forever). */
  Netpoll: 6,
  /** Woken (notewakeup), not running yet. */
  Waking: 7,
  /** sysmon running one loop iteration. */
  Sysmon: 8,
  /** sysmon in usleep(b ns) or deep sleep (b = −1 when woken only by a note). */
  SysmonSleep: 9,
  /** The template thread, parked. */
  Template: 10,
  /** Exited (mexit). */
  Dead: 11,
} as const;
export type MStateCode = (typeof MS)[keyof typeof MS];

/** Event kinds. */
export const E = {
  // ---- state changes (the replayer applies these) ----
  /** New goroutine g created by goroutine a (−1: runtime) on P p; b = interned function name. */
  GoCreate: 1,
  /** G g moved to location a (see Loc); b = location argument (p, m, or interned wait reason). */
  GLoc: 2,
  /** P p: status a (Go's _P codes), owner M m (−1 none). */
  PState: 3,
  /** M m: activity a (see MS), holding P p, with G g; b = extra (netpoll timeout, sleep). */
  MState: 4,
  /** M m created (thread id m); a = 1 if a system M (sysmon, template thread). */
  MCreate: 5,
  /** M m's spinning flag became a (0/1). */
  MSpin: 6,
  /** A P's local run queue was stolen from: victim p, thief a, count b (Gs follow as GLoc events). */
  Steal: 7,
  /** GOMAXPROCS changed to a (P records ≥ a are destroyed, new ones created). */
  Procs: 8,
  /**
   * P p's timer heap changed: a = its length now (scheddetail's timerslen), b = the earliest
   * `when` (−1 = empty); g = the sleeping G whose timer was added or removed (−1: a channel or
   * AfterFunc timer).
   */
  Timers: 9,

  // ---- decisions and annotations (the "why"; no state of their own) ----
  /** newproc by g on p: new goroutine a. */
  NewProc: 20,
  /** execute: g on m, p; a = inheritTime (0/1); b = P's schedtick after. */
  Execute: 21,
  /** gopark: g, reason b (interned). */
  Park: 22,
  /** goready/ready: g readied by goroutine a into p's runnext. */
  Ready: 23,
  /** findRunnable found a G by rule a (see FoundBy). */
  Found: 24,
  /** wakep on p's behalf: a = 1 started an M, 0 = nothing to do (b = why: 0 no idle P, 1 a spinner exists). */
  Wakep: 25,
  /** startm: M m gets P p; a = spinning; b = 1 if a new thread was made. */
  StartM: 26,
  /** stopm: M m parks on the idle list. */
  StopM: 27,
  /**
   * handoffp(p): a = which case fired (1–9, spec §6.5); b = −1. The decision is logged first; in
   * cases 1, 3, 4, 7 and 8 the StartM event that follows names the M that gets the P.
   */
  Handoff: 28,
  /**
   * sysmon retake of P p from M m (in a syscall) with G g: a = reason (see RetakeWhy), b = ns since
   * sysmon first saw this syscall (0 when retaken at first sight: the time-slice check forced it,
   * or the P's syscalltick was still the initial one sysmon holds, as for go1.26's first syscall).
   */
  Retake: 29,
  /** sysmon preemptone: G g on P p, M m ran ≥ 10 ms; a = 1 if a signal was sent. */
  Preempt: 30,
  /** SIGURG delivered to M m; a = 1 if G g was preempted asynchronously. */
  Signal: 31,
  /** gopreempt_m: G g goes to the global queue (a = 1 async, 0 cooperative). */
  Preempted: 32,
  /** entersyscall by g on m from p; a = mode (0 syscall, 1 cgo, 2 block); b = duration ns. */
  EnterSyscall: 33,
  /** exitsyscall of g on m: a = path (see ExitPath), p = the P it got (−1 none). */
  ExitSyscall: 34,
  /** netpoll by m: a = Gs returned, b = timeout ns (0 non-blocking, −1 forever). */
  Netpoll: 35,
  /** netpollBreak by m. */
  NetpollBreak: 36,
  /** injectglist: a Gs injected, b Ms started; p = caller's P (−1: none). */
  Inject: 37,
  /** A timer ran on P p (by M m): G g readied (a = timer kind). */
  TimerRun: 38,
  /** sysmon loop iteration: a = delay ns it will sleep, b = idle count. */
  SysmonTick: 39,
  /** sysmon deep sleep until at most a ns from now. */
  SysmonWait: 40,
  /** schedtrace line printed (a = interned text). */
  SchedTrace: 41,
  /** Program output on fd a: interned text b. */
  Write: 42,
  /** Global queue overflow (runqputslow): p moved a Gs. */
  RunqOverflow: 43,
  /** checkdead ran: a = result (0 progress possible, 1 deadlock). */
  Checkdead: 44,
  /** Fatal error / panic / exit: a = exit status, b = interned message. */
  Exit: 45,
  /** LockOSThread (a=1) / UnlockOSThread (a=0) by g on m. */
  Lock: 46,
  /** startlockedm: m hands p to locked M a for G g. */
  StartLockedM: 47,
  /** stoplockedm: m parks waiting for its locked G g. */
  StopLockedM: 48,
  /** mexit: thread m exits (a locked G exited); a = 1: m0, which wedges instead (parked for good, still on allm). */
  MExit: 49,
  /** Stop-the-world by m (a=1 start, 0 end); b = why (mgc.ts STWReason: 0 GOMAXPROCS, 1/2 GC sweep/mark termination, 3 ReadMemStats). */
  STW: 50,
  /** gcStart by g: cycle a (work.cycles) begins; b = trigger kind (mgc.ts GCTrigger: 1 heap, 2 time, 3 runtime.GC). */
  GCStart: 51,
  /** The GC phase became a (mgc.ts GCPhase: 0 off, 1 mark, 2 mark termination) in cycle b. */
  GCPhase: 52,
  /** Mark worker g on P p starts in mode a (mgc.ts GCMarkWorkerMode: 1 dedicated, 2 fractional, 3 idle) or stops (a = 0); b = cycle. */
  GCWorker: 53,
  /** g assisted the mark (gcAssistAlloc): a = ns of CPU, b = bytes of scan work. */
  GCAssist: 54,
  /** Mark termination ended GC number a (memstats.numgc); b = heap marked (bytes). */
  GCDone: 55,
  /** The background sweeper g is readied after GC number a (sweeping is not costed). */
  GCSweep: 56,
  /** The scavenger returned a bytes to the OS (its b-th run). */
  Scavenge: 57,
  /** sysmon readied the forcegc goroutine g (no cycle for 2 minutes); a = forced GCs so far. */
  ForceGC: 58,
} as const;
export type EventKind = (typeof E)[keyof typeof E];

/** How findRunnable found its G (E.Found's a). */
export const FoundBy = {
  Fairness: 1,
  Runnext: 2,
  Local: 3,
  Global: 4,
  Netpoll: 5,
  Steal: 6,
  StealRunnext: 7,
  /** A timer readies its G into runnext, so timers show up as Runnext. */
  BlockingNetpoll: 9,
  /** A GC mark worker (findRunnableGCWorker, or an idle worker before the P is given up); E.Found's b = its mode. */
  GCWorker: 10,
} as const;

/** gcphase (E.GCPhase's a): _GCoff, _GCmark, _GCmarktermination (runtime/mgc.ts). */
export const GCPhase = { off: 0, mark: 1, marktermination: 2 } as const;
/** gcTrigger kinds (E.GCStart's b): gcTriggerHeap, gcTriggerTime (forcegc), gcTriggerCycle (runtime.GC). */
export const GCTrigger = { heap: 1, time: 2, cycle: 3 } as const;
/** gcMarkWorkerMode (E.GCWorker's a; gcMarkWorkerNotWorker = 0: the worker stops). */
export const GCMarkWorkerMode = { notWorker: 0, dedicated: 1, fractional: 2, idle: 3 } as const;
/** Why the world was stopped (E.STW's b). */
export const STWReason = { GOMAXPROCS: 0, GCSweepTerm: 1, GCMarkTerm: 2, ReadMemStats: 3 } as const;
/** The stwReason text Go's execution tracer writes for each (go1.26 runtime/proc.go stwReasonStrings). */
export const stwReasonText: readonly string[] = ['GOMAXPROCS', 'GC sweep termination', 'GC mark termination', 'read mem stats'];

/** Why sysmon retook a P in a syscall (E.Retake's a), spec §8.1 step 2. */
export const RetakeWhy = {
  /** The P's local run queue had work. */
  RunqNotEmpty: 1,
  /** No idle P and no spinning M: nobody else could pick up new work. */
  NoIdle: 2,
  /** The syscall has been seen for ≥ 10 ms. */
  Long: 3,
  /**
   * The P's time slice ran out: its schedtick had not moved for forcePreemptNS (10 ms: the same
   * goroutine has held the P, making syscalls), so retake's preemptone set sysretake and the P was
   * taken although sysmon had not seen this syscall before (go1.19 proc.go retake: `if !sysretake
   * && int64(pd.syscalltick) != t`).
   */
  TimeSlice: 4,
} as const;

/** exitsyscall outcome (E.ExitSyscall's a). */
export const ExitPath = {
  /** exitsyscallfast: reacquired the old P by CAS. */
  FastOldP: 1,
  /** exitsyscallfast: took an idle P. */
  FastIdleP: 2,
  /** exitsyscall0: got an idle P under the lock. */
  SlowIdleP: 3,
  /** exitsyscall0: no P: G to the global queue, M stops. */
  SlowGlobal: 4,
  /**
   * Go 1.26 exitsyscall's fast path: m.p is still set, nobody took the P (it stayed _Prunning and
   * wired to this M through the call: VersionProfile.syscallKeepsP). In 1.19 the same outcome is
   * FastOldP (the CAS back from _Psyscall).
   */
  KeptP: 5,
} as const;

export interface EventListener {
  (t: number, k: number, g: number, m: number, p: number, a: number, b: number): void;
}

/** A read-only view of one stored event. */
export interface EventRecord {
  i: number;
  t: number;
  k: EventKind;
  g: number;
  m: number;
  p: number;
  a: number;
  b: number;
}

/**
 * A stored log as plain data: its columns trimmed to `length` (the log's own fields, so the two
 * cannot drift apart) and its string table. What a Web Worker transfers to the page (the typed
 * arrays move, they are not copied).
 */
export type EventColumns = Pick<EventLog, 'length' | 't' | 'k' | 'g' | 'm' | 'p' | 'a' | 'b'> & { strings: string[] };

function ignore(_k: EventKind, _g: number, _m: number, _p: number, _a: number, _b: number): void {}

/** Nothing to do when an event budget runs out (see EventLog.setBudget). */
function noBudget(): void {}

export class EventLog {
  private storing: boolean;
  /** Events stored (the columns' length). */
  length = 0;
  /**
   * Events recorded, stored or not: the run's event count (RunResult.events, the summary's
   * `events`, the --max-events budget). Counted whenever someone stores, listens, or set a budget.
   */
  count = 0;
  /** When `count` reaches it, `onBudget` runs once (RunOptions.maxEvents). */
  private budget = Infinity;
  private onBudget: () => void = noBudget;
  t: Float64Array;
  k: Uint8Array;
  g: Int32Array;
  m: Int32Array;
  p: Int32Array;
  a: Float64Array;
  b: Float64Array;
  private strings: string[] = [];
  private stringIds = new Map<string, number>();
  private listeners: EventListener[] = [];
  /** Where the current simulated time is read from (the kernel's Sim). */
  clock: { readonly now: number } = { now: 0 };

  /**
   * Record an event at the current simulated time (see the kinds above for the fields). While the
   * log neither stores nor has listeners this is a no-op function, so the runtime's many call
   * sites cost next to nothing in benchmarks.
   */
  ev: (k: EventKind, g: number, m: number, p: number, a: number, b: number) => void = ignore;

  constructor(store = true, capacity = 1024) {
    this.storing = store;
    const c = store ? capacity : 0;
    this.t = new Float64Array(c);
    this.k = new Uint8Array(c);
    this.g = new Int32Array(c);
    this.m = new Int32Array(c);
    this.p = new Int32Array(c);
    this.a = new Float64Array(c);
    this.b = new Float64Array(c);
    this.record = (k, g, m, p, a, b) => this.recordEvent(k, g, m, p, a, b);
    this.rewire();
  }

  /** Someone records, listens or counts: worth building event arguments (interning strings). */
  get active(): boolean {
    return this.ev !== ignore;
  }

  /**
   * Call `fn` once, when the `n`th event is recorded (the run's event budget). With a budget the
   * log counts its events even when it neither stores nor has listeners.
   */
  setBudget(n: number, fn: () => void): void {
    this.budget = n;
    this.onBudget = fn;
    this.rewire();
  }

  /** Keep events in memory (for replay, the web app, tests). */
  get store(): boolean {
    return this.storing;
  }
  set store(on: boolean) {
    this.storing = on;
    this.rewire();
  }

  listen(fn: EventListener): void {
    this.listeners.push(fn);
    this.rewire();
  }

  private rewire(): void {
    this.ev = this.storing || this.listeners.length > 0 ? this.record : this.budget < Infinity ? this.countOnly : ignore;
  }

  private readonly countOnly = (_k: EventKind, _g: number, _m: number, _p: number, _a: number, _b: number): void => {
    if (++this.count === this.budget) this.onBudget();
  };

  /**
   * Intern a string; events carry its id. When the log only counts (an event budget, nothing stored,
   * nobody listening) no one will read the id: 0, without the table lookup (2.5 % of a ping-pong run).
   */
  str(s: string): number {
    if (this.ev === this.countOnly) return 0;
    let id = this.stringIds.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.stringIds.set(s, id);
    }
    return id;
  }

  /** Store a string without interning (program output: rarely repeated, possibly large). */
  text(s: string): number {
    this.strings.push(s);
    return this.strings.length - 1;
  }

  /**
   * The stored events as plain data (copies, trimmed to `length`): see EventColumns. With `from` and
   * `stringsFrom`, only the events and strings added since then: a chunk of a run still going (the web
   * worker sends one now and then, so a run it has to kill still shows what happened up to there).
   * Chunks taken in order join back with EventLog.concatColumns.
   */
  toColumns(from = 0, stringsFrom = 0): EventColumns {
    const n = this.length;
    return {
      length: n - from,
      t: this.t.slice(from, n),
      k: this.k.slice(from, n),
      g: this.g.slice(from, n),
      m: this.m.slice(from, n),
      p: this.p.slice(from, n),
      a: this.a.slice(from, n),
      b: this.b.slice(from, n),
      strings: this.strings.slice(stringsFrom),
    };
  }

  /** Strings interned or stored so far (the `stringsFrom` of the next toColumns chunk). */
  get stringCount(): number {
    return this.strings.length;
  }

  /** Chunks made by successive toColumns(from, stringsFrom) calls, joined into the columns of the whole run so far. */
  static concatColumns(chunks: readonly EventColumns[]): EventColumns {
    let n = 0;
    for (const c of chunks) n += c.length;
    const out: EventColumns = {
      length: n,
      t: new Float64Array(n),
      k: new Uint8Array(n),
      g: new Int32Array(n),
      m: new Int32Array(n),
      p: new Int32Array(n),
      a: new Float64Array(n),
      b: new Float64Array(n),
      strings: [],
    };
    let at = 0;
    for (const c of chunks) {
      out.t.set(c.t, at);
      out.k.set(c.k, at);
      out.g.set(c.g, at);
      out.m.set(c.m, at);
      out.p.set(c.p, at);
      out.a.set(c.a, at);
      out.b.set(c.b, at);
      for (const s of c.strings) out.strings.push(s);
      at += c.length;
    }
    return out;
  }

  /** A stored log over columns made by toColumns (it takes the arrays, it does not copy them). */
  static fromColumns(cols: EventColumns): EventLog {
    const log = new EventLog(true, 0);
    log.t = cols.t;
    log.k = cols.k;
    log.g = cols.g;
    log.m = cols.m;
    log.p = cols.p;
    log.a = cols.a;
    log.b = cols.b;
    log.length = cols.length;
    log.count = cols.length;
    for (const s of cols.strings) log.text(s);
    return log;
  }

  string(id: number): string {
    return this.strings[id] ?? '';
  }

  private record: (k: EventKind, g: number, m: number, p: number, a: number, b: number) => void;

  private recordEvent(k: EventKind, g: number, m: number, p: number, a: number, b: number): void {
    const t = this.clock.now;
    if (++this.count === this.budget) this.onBudget();
    if (this.storing) {
      const i = this.length;
      if (i === this.t.length) this.grow();
      this.t[i] = t;
      this.k[i] = k;
      this.g[i] = g;
      this.m[i] = m;
      this.p[i] = p;
      this.a[i] = a;
      this.b[i] = b;
      this.length = i + 1;
    }
    const ls = this.listeners;
    for (let j = 0; j < ls.length; j++) ls[j]!(t, k, g, m, p, a, b);
  }

  get(i: number): EventRecord {
    return {
      i,
      t: this.t[i]!,
      k: this.k[i]! as EventKind,
      g: this.g[i]!,
      m: this.m[i]!,
      p: this.p[i]!,
      a: this.a[i]!,
      b: this.b[i]!,
    };
  }

  private grow(): void {
    const n = Math.max(1024, this.t.length * 2);
    const f64 = (old: Float64Array): Float64Array => {
      const x = new Float64Array(n);
      x.set(old);
      return x;
    };
    const i32 = (old: Int32Array): Int32Array => {
      const x = new Int32Array(n);
      x.set(old);
      return x;
    };
    const k = new Uint8Array(n);
    k.set(this.k);
    this.k = k;
    this.t = f64(this.t);
    this.a = f64(this.a);
    this.b = f64(this.b);
    this.g = i32(this.g);
    this.m = i32(this.m);
    this.p = i32(this.p);
  }
}

/** Human names of event kinds, for dumps and the web app. */
export const EventName: Record<number, string> = Object.fromEntries(
  Object.entries(E).map(([name, code]) => [code, name]),
);
