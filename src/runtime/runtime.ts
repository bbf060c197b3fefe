/**
 * The simulated Go runtime: state, startup (schedinit + runtime.main), the M event dispatcher, and
 * how a process ends (exit, fatal error, throw, panic). Spec §16, §18.
 *
 * Layering: kernel (sim.ts) < runtime model (this folder) < workload API (../workload) < views.
 * Everything here is pure TypeScript with no Node APIs: the same engine runs in Node and in a
 * browser Web Worker.
 *
 * Startup, as in go1.19 (spec §16): schedinit makes GOMAXPROCS Ps (m0 takes P0, the rest go on
 * the idle list with P1 at its head); newproc(runtime.main) puts G1 in P0's runnext; m0 schedules
 * it. runtime.main starts sysmon (M1), locks G1 to m0 during init, starts forcegchelper, bgsweep
 * and bgscavenge and waits for the latter two on a channel (each wait hands P0 to another M:
 * that is where the third thread at GOMAXPROCS=1 comes from), creates the finalizer goroutine when
 * the program links package os, unlocks, and calls main.main. When main.main returns the process
 * exits with status 0; other goroutines are not waited for. Go 1.25+ (go1.26.8's runtime.main, recorded
 * in test/versions/recorded/startup.*): right after gcenable, the GOMAXPROCS updater goroutine
 * (maxprocs.ts; not with GODEBUG=updatemaxprocs=0), so the finalizer goroutine and the first user
 * goroutine get ids one higher (7 instead of 6 at GOMAXPROCS=1); NumGoroutine and the threads at
 * main.main are unchanged. The release's names for these goroutines are in frames.ts.
 */
import { Sim, type RunHooks, type StopReason } from '../kernel/sim.js';
import { Rand, saltedSeed } from '../kernel/rand.js';
import { EventLog, E, MS, type EventListener } from '../log/events.js';
import { coldSwitchExtra, coldTable, costNames, costsFor, costValueError, timerColdExtra, type CostModel } from './cost.js';
import { G, M, P, Ring, Sched, _Gdead, _Grunning, _Grunnable, _Gsyscall, _Gwaiting } from './runtime2.js';
import { runqempty } from './runq.js';
import { RandomOrder, T, mstart, mwake, newproc, setMState, stealRetry, mcount, timersRunDone } from './proc.js';
import { runG, sigPreempt, coopPreempt, lockOSThread, unlockOSThread, procresize, notGenerator } from './exec.js';
import { exitsyscall, pInSyscall } from './syscall.js';
import { netpollDone, type PollDesc } from './netpoll.js';
import { Sysmon, startSysmon } from './sysmon.js';
import { schedtraceText } from './trace.js';
import { Chan, GoPanic } from './chan.js';
import { K, type GoBody, type GoFunc, type Op } from '../workload/ops.js';
import { checkInvariants } from './invariants.js';
import { CPUSched, cpuStop, defaultNcpu } from './os.js';
import { defaultRelease, goReleases, profiles, type GoRelease, type VersionProfile } from './version.js';
import { hiddenTopFrames, runtimeFrames, type RuntimeFrames } from './frames.js';
import { GCState, bgscavenge, bgsweep, forcegchelper, gcProcresize, gcinit, registerGCGoroutines, type GCOptions, type LiveHeapSource } from './mgc.js';
import { MaxProcsState, defaultGOMAXPROCS, normalizeQuota, quotaAt, updateMaxProcsGoroutine, type CpuQuotaStep } from './maxprocs.js';

export interface GodebugFlags {
  /** schedtrace=N: print a SCHED line every N ms (0 = off). */
  schedtrace: number;
  /** scheddetail=1: the long form. */
  scheddetail: number;
  /** asyncpreemptoff=1: no SIGURG preemption. */
  asyncpreemptoff: boolean;
  /**
   * updatemaxprocs=0 (Go 1.25+): no GOMAXPROCS updater goroutine, sysmon never re-reads the CPU
   * limit (proc.go defaultGOMAXPROCSUpdateEnable). Default 1. Ignored by releases before 1.25.
   */
  updatemaxprocs: number;
  /** containermaxprocs=0 (Go 1.25+): the default GOMAXPROCS ignores the cgroup CPU limit (cgroup_linux.go). Default 1. */
  containermaxprocs: number;
  /** gctrace=1: one line per GC cycle on stderr (mgc.ts gctraceLine). */
  gctrace: number;
  /** gcpacertrace=1: the pacer's state at each mark's start and end on stderr (mgc.ts pacerStartLine, endCycle). */
  gcpacertrace: number;
  /**
   * asynctimerchan=1 (Go 1.23+): channel timers as before 1.23 — always in a P's heap, sending into a
   * buffered channel when they fire (time.go, VersionProfile.lazyChannelTimers; Runtime.lazyChanTimers).
   * A main module whose go.mod says go ≤ 1.22 builds with it (internal/godebugs/table.go: Changed 23,
   * Old "1"; version.ts moduleGODEBUG). Default 0. Ignored by releases before 1.23.
   */
  asynctimerchan: number;
}

/** GODEBUG's defaults: everything off except the 1.25+ GOMAXPROCS updates (on unless set to 0). */
export function defaultGodebug(): GodebugFlags {
  return { schedtrace: 0, scheddetail: 0, asyncpreemptoff: false, updatemaxprocs: 1, containermaxprocs: 1, gctrace: 0, gcpacertrace: 0, asynctimerchan: 0 };
}

/** The GODEBUG keys gmpsim models (others are reported as ignored). */
export const godebugKeys = ['schedtrace', 'scheddetail', 'asyncpreemptoff', 'updatemaxprocs', 'containermaxprocs', 'gctrace', 'gcpacertrace', 'asynctimerchan'] as const;
/**
 * GODEBUG settings of the standard library, not the runtime: the Go frontend's packages read them from the
 * program's environment (httpmuxgo121: std/net_http.ts, ServeMux's go1.21 rules on Go ≥ 1.22).
 */
export const libraryGodebugKeys = ['httpmuxgo121'] as const;

export interface RunOptions {
  /** main.main. */
  main: GoFunc;
  /**
   * GOMAXPROCS as the environment sets it. Default: the release's default (maxprocs.ts
   * defaultGOMAXPROCS): ncpu, or under Go 1.25+ with a cpuQuota min(ncpu, max(2, ⌈quota⌉)). A value
   * given here is "custom" for Go 1.25+: sysmon never changes it.
   */
  gomaxprocs?: number;
  /**
   * A simulated cgroup CPU limit in cores (cpu.max quota/period, e.g. 1.5), or steps of one that
   * changes during the run (`[{ at: 0, cores: 4 }, { at: 2e9, cores: 1.5 }]`). It caps the CPU the
   * threads get (os.ts) and, for Go 1.25+, the default GOMAXPROCS (maxprocs.ts). Default: none.
   */
  cpuQuota?: number | readonly CpuQuotaStep[];
  /**
   * Cores of the simulated machine: runtime.NumCPU(), and the cores the threads share (os.ts). Default
   * defaultNcpu (2: the reference machine the costs were measured on).
   */
  ncpu?: number;
  /**
   * The Go release whose runtime the run follows (version.ts): '1.19' or '1.26'. Default
   * defaultRelease, the newest validated one.
   */
  go?: GoRelease;
  /** Seed of the runtime's random choices (steal order, select): a non-negative safe integer. Default 1. */
  seed?: number;
  /** GODEBUG flags (parsed, see parseGODEBUG). */
  godebug?: Partial<GodebugFlags>;
  /** Cost model overrides (ns). */
  cost?: Partial<CostModel>;
  /**
   * The garbage collector's knobs (mgc.ts GCOptions): GOGC (`gogc`, negative = off), GOMEMLIMIT
   * (`memoryLimit`, bytes), the live-heap estimate's survival fraction (for a program that does not
   * mark its own heap: mgc.ts LiveHeapSource). A program that allocates
   * nothing never starts a cycle.
   */
  gc?: GCOptions;
  /** The program links package os (fmt, os, net…): the finalizer goroutine exists (default true). */
  linksOS?: boolean;
  /**
   * The binary is cgo-linked (`import "C"`, or net with the cgo resolver): m0 allocates an extra M
   * for callbacks from C at start (so sysmon is M2), runtime.main starts the template thread, and
   * checkdead can never conclude (the extra M is never idle), spec §6.7, §8, §21.5. Default false.
   */
  linksCgo?: boolean;
  /** Stop after this much simulated time (ns). */
  until?: number;
  /** Stop after this many event-log events (RunResult.events). Default 50M; Infinity for none. */
  maxEvents?: number;
  /**
   * Checked every `every` kernel events (default 65536): a message stops the run with exit status
   * 124 and that message (a host's wall-clock or memory budget; the engine itself reads no clock).
   */
  watchdog?: Watchdog;
  /** Keep the full event log in memory (default true). */
  storeLog?: boolean;
  /** Check the runtime's invariants after every event (tests; slow). */
  checkInvariants?: boolean;
  /** Name of the workload file, for tracebacks. */
  file?: string;
  /** Called after every event (tests: compare views with the engine). Slows the run down. */
  afterEvent?: (rt: Runtime) => void;
  /** Event-log listeners attached before startup, so they see every event (views stream from these). */
  listeners?: EventListener[];
  /**
   * Program output as it is written (fd 1 or 2), for a host that streams it (the CLI). The event
   * log records it too (E.Write), but a listener on the log makes every event of the run build its
   * arguments and call out (10–27 % of a run, issue 14); this costs nothing per event.
   */
  onWrite?: (fd: number, text: string) => void;
}

export interface Watchdog {
  /**
   * Kernel events between checks (default Sim's defaultPollEvery, 65536). Read again after each check,
   * so `check` may adapt it (the CLI checks more often when each event runs long in JavaScript).
   */
  every?: number;
  /** A one-line message stops the run (exit 124); null lets it go on. */
  check(rt: Runtime): string | null;
  /**
   * Asked after `check` lets the run go on: true makes runSome() return null now. The run is not
   * over: calling runSome() (or run()) again continues it, and the run is the same as one that was
   * never paused (pauses fall on the same kernel-event boundaries as the checks). run() itself
   * goes on through pauses. A host uses the pause
   * to re-arm its own timers between slices of a run (the CLI's guard against a goroutine that never
   * yields, cli/execute.ts).
   */
  pause?(rt: Runtime): boolean;
}

export type EndReason = 'exit' | 'fatal' | 'panic' | 'budget' | 'hang';

export interface RunResult {
  /** Process exit status (Go's), or 124 when gmpsim had to stop the program (budget, hang). */
  exitCode: number;
  reason: EndReason;
  /** One line explaining a budget stop or a hang (empty otherwise). */
  message: string;
  /** Simulated time at the end (ns). */
  simTime: number;
  /**
   * Events in the event log (the summary's `events`, what --max-events counts). Counted when the
   * log stores, has listeners, or the run has an event budget; 0 otherwise.
   */
  events: number;
  /** Events the discrete-event kernel fired, run-ahead steps included (engine work; see bench/run.ts). */
  kernelEvents: number;
  stdout: string;
  stderr: string;
  log: EventLog;
  runtime: Runtime;
}

export const defaultMaxEvents = 50_000_000;

/** Parse a GODEBUG string ("schedtrace=100,scheddetail=1"). Unknown keys are reported, not fatal. */
export function parseGODEBUG(s: string): { flags: GodebugFlags; errors: string[]; ignored: string[] } {
  const flags: GodebugFlags = defaultGodebug();
  const errors: string[] = [];
  const ignored: string[] = [];
  for (const part of s.split(',')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) {
      errors.push(`GODEBUG entry "${part}" is not of the form key=value`);
      continue;
    }
    const key = part.slice(0, eq);
    const val = part.slice(eq + 1);
    const known = (godebugKeys as readonly string[]).includes(key);
    if (!known) {
      ignored.push(key);
      continue;
    }
    if (!/^\d+$/.test(val)) {
      errors.push(`GODEBUG ${key}=${val}: the value must be a non-negative integer`);
      continue;
    }
    const n = Number(val);
    if (key === 'schedtrace') flags.schedtrace = n;
    else if (key === 'scheddetail') flags.scheddetail = n;
    else if (key === 'updatemaxprocs') flags.updatemaxprocs = n;
    else if (key === 'containermaxprocs') flags.containermaxprocs = n;
    else if (key === 'gctrace') flags.gctrace = n;
    else if (key === 'gcpacertrace') flags.gcpacertrace = n;
    else if (key === 'asynctimerchan') flags.asynctimerchan = n;
    else flags.asyncpreemptoff = n !== 0;
  }
  return { flags, errors, ignored };
}

export class Runtime {
  readonly sim = new Sim();
  readonly log: EventLog;
  readonly rand: Rand;
  /** sysmon's sleep spread draws from its own stream, so they do not move the runtime's choices. */
  readonly sleepRand: Rand;
  readonly cost: CostModel;
  readonly debug: GodebugFlags;
  /** The Go release's differences the mechanisms follow (version.ts). */
  readonly v: VersionProfile;
  /** Channel timers follow 1.23+'s lazy model: the release has it and GODEBUG asynctimerchan is not 1. */
  readonly lazyChanTimers: boolean;
  /** The release's own runtime frames and goroutine names in crash output (frames.ts). */
  readonly rf: RuntimeFrames;
  readonly ncpu: number;
  /** The CPU limit's steps (maxprocs.ts; empty: no limit). */
  readonly cpuQuota: CpuQuotaStep[];
  /** The Go 1.25+ GOMAXPROCS updater's state (maxprocs.ts). */
  readonly maxprocs = new MaxProcsState();
  /** The OS's CPU scheduler: the ncpu cores the threads share (os.ts). */
  readonly os: CPUSched;
  /** The garbage collector's state (mgc.ts). */
  readonly gc: GCState;
  /** runtimeInitTime: when runtime.main started (gctrace's `@` times count from it). */
  runtimeInitTime = 0;
  readonly opts: RunOptions;

  sched = new Sched();
  allp: P[] = [];
  /** All Ms in creation order (Go's allm is newest first; views reverse it). */
  allm: M[] = [];
  allgs: G[] = [];
  gomaxprocs = 0;
  /** P is on the idle list (idlepMask). */
  idlepMask: boolean[] = [];
  /** P may have timers (timerpMask). */
  timerpMask: boolean[] = [];
  stealOrder = new RandomOrder();
  m0: M;
  sysmon: Sysmon | null = null;
  templateThread: M | null = null;
  /** runtime.main has started (newproc calls wakep from then on). */
  mainStarted = false;
  /** User goroutines alive (runtime.NumGoroutine counts user Gs). */
  nUserG = 0;
  /** The M whose event is being handled (getg().m); null for device events. */
  curm: M | null = null;

  // findRunnable's secondary results (Go returns them as extra values)
  inheritTime = false;
  stealNewWork = false;
  stealPollUntil = 0;
  stealFromRunnext = false;
  /** Count of timer functions run (to detect "ran a timer"). */
  timerRuns = 0;
  /** Executes so far (execute): how long ago a G last ran, for its working-set cost (G.lastExec). */
  execSeq = 0;
  /** Timers armed so far (time.ts resettimer): how long ago a timer was armed (Timer.armSeq). */
  timerArms = 0;
  /** cost.ts coldSwitchExtra and timerColdExtra of this run's costs, as lookup tables (coldLookup). */
  readonly coldSwitch: Float64Array;
  readonly timerCold: Float64Array;
  /** An op asked for its G to continue after contDelay ns (see exec.ts runG). */
  contM: M | null = null;
  /** The M whose run loop (exec.ts runG) is on the stack, if any. */
  inRunG: M | null = null;
  contDelay = 0;

  // netpoll state
  netpollInited = false;
  netpollWaiters = 0;
  netpollWakeSig = false;
  /** Descriptors made ready by their device, waiting for a netpoll call (the epoll ready list). */
  netReady = new Ring<PollDesc>();
  /** The M blocked in netpoll, if any (sched.lastpoll === 0). */
  netpoller: M | null = null;

  // how the process ended
  exited = false;
  exitCode = 0;
  endReason: EndReason = 'exit';
  /** A one-line explanation when the runtime itself ends in a hang (RunResult.message). */
  exitMessage = '';
  private out: string[] = [];
  private err: string[] = [];
  private onWrite: ((fd: number, text: string) => void) | null;
  /** What the program has written to standard output so far (RunResult.stdout when it ends). */
  stdoutSoFar(): string {
    return this.out.join('');
  }
  /** What the program has written to standard error so far. */
  stderrSoFar(): string {
    return this.err.join('');
  }
  /** main.main's body: G1's frames in dumps come from it (G1's own body is runtime.main). */
  private userMain: GoBody | null = null;
  /** Frames of the runtime functions currently executing (for `runtime stack:` in throws). */
  stack: string[] = [];
  private check: boolean;

  constructor(opts: RunOptions) {
    this.opts = opts;
    this.log = new EventLog(opts.storeLog ?? true);
    this.log.clock = this.sim;
    for (const l of opts.listeners ?? []) this.log.listen(l);
    this.onWrite = opts.onWrite ?? null;
    this.rand = new Rand(opts.seed ?? 1);
    // The same seed with its low 32 bits salted (the high bits kept: seeds are 53-bit, see Rand).
    const seed = opts.seed ?? 1;
    this.sleepRand = new Rand(saltedSeed(seed, 0x5bd1e995));
    checkRunOptions(opts);
    const release = opts.go ?? defaultRelease;
    this.v = profiles[release];
    // The release's own code's costs (cost.ts releaseCosts) over go1.19's; the user's override both.
    this.cost = { ...costsFor(release), ...(opts.cost ?? {}) };
    this.coldSwitch = coldTable(this.cost, coldSwitchExtra);
    this.timerCold = coldTable(this.cost, timerColdExtra);
    this.rf = runtimeFrames(this.v);
    this.debug = { ...defaultGodebug(), ...(opts.godebug ?? {}) };
    this.lazyChanTimers = this.v.lazyChannelTimers && this.debug.asynctimerchan !== 1;
    this.ncpu = opts.ncpu ?? defaultNcpu;
    if (!Number.isInteger(this.ncpu) || this.ncpu < 1) throw new RangeError(`ncpu must be a positive integer, got ${this.ncpu}`);
    this.cpuQuota = normalizeQuota(opts.cpuQuota);
    this.os = new CPUSched(this, this.ncpu, this.cpuQuota);
    this.gc = new GCState(opts.gc);
    this.check = opts.checkInvariants ?? false;
    const n = this.initialGOMAXPROCS();
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`GOMAXPROCS must be a positive integer, got ${n}`);
    if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`the seed must be a non-negative integer up to 2^53 − 1, got ${seed}`);
    this.m0 = new M(this, 0);
  }

  /** schedinit's GOMAXPROCS: the environment's (custom), else the release's default under the CPU limit. */
  initialGOMAXPROCS(): number {
    return this.opts.gomaxprocs ?? defaultGOMAXPROCS(this.v, this.ncpu, quotaAt(this.cpuQuota, 0), this.debug);
  }

  /**
   * schedinit + newproc(runtime.main) + mstart(m0). Done by run(), not the constructor, so views
   * can attach event-log listeners first and see every event.
   */
  private boot(): void {
    const opts = this.opts;
    const n = this.initialGOMAXPROCS();
    this.sched.customGOMAXPROCS = opts.gomaxprocs !== undefined;
    this.sched.mnext = 1;
    this.allm.push(this.m0);
    this.log.ev(E.MCreate, -1, 0, -1, 0, 0);
    // schedinit: procresize(procs) with GOMAXPROCS as given (go1.19 has no upper limit: see cli/options.ts).
    gcProcresize(this, n);
    procresize(this, n, this.m0);
    gcinit(this);
    if (opts.linksCgo === true) {
      // mstartm0 → newextram: one M parked on the extra list for C-created threads. It counts in
      // mcount() and is neither idle nor a system M, so checkdead never sees "no M running".
      const extra = new M(this, this.sched.mnext++);
      extra.blocked = true;
      this.allm.push(extra);
      this.log.ev(E.MCreate, -1, extra.id, -1, 1, 0);
      setMState(this, extra, MS.Template);
    }
    this.sched.lastpoll = 1;
    // newproc(runtime.main) on P0: G1 in runnext; no wakep yet.
    const g1 = newproc(this, this.allp[0]!, null, this.runtimeMain(), 'main.main');
    void g1;
    this.sim.after(0, this.m0, T.Start, this.m0.gen);
  }

  /** runtime.main, as G1's code. */
  private *runtimeMain(): Generator<Op, void, unknown> {
    this.mainStarted = true;
    this.runtimeInitTime = this.sim.now;
    this.startSysmonM();
    const mp = this.curm!;
    const g1 = mp.curg!;
    lockOSThread(this, mp, g1, false);
    const rf = this.rf;
    const fg = (yield { k: K.Go, fn: forcegchelper, args: [this], name: rf.forcegc, system: true }) as number;
    const c = new Chan<number>(2);
    const sw = (yield { k: K.Go, fn: bgsweep, args: [this, c], name: rf.bgsweep, system: true }) as number;
    const sc = (yield { k: K.Go, fn: bgscavenge, args: [this, c], name: rf.bgscavenge, system: true }) as number;
    registerGCGoroutines(this, this.allgs.find((g) => g.goid === fg) ?? null, this.allgs.find((g) => g.goid === sw) ?? null, this.allgs.find((g) => g.goid === sc) ?? null);
    yield { k: K.Recv, ch: c };
    yield { k: K.Recv, ch: c };
    // Go 1.25+ defaultGOMAXPROCSUpdateEnable, right after gcenable: the GOMAXPROCS updater goroutine,
    // which sysmon wakes when the CPU limit changes (maxprocs.ts); none with updatemaxprocs=0.
    if (this.v.containerAwareGOMAXPROCS && this.debug.updatemaxprocs !== 0) {
      const goid = (yield { k: K.Go, fn: updateMaxProcsGoroutine, args: [this], name: rf.updateMaxProcs, system: true }) as number;
      this.maxprocs.g = this.allgs.find((g) => g.goid === goid) ?? null;
    }
    // cgo programs start the template thread here, in case C calls into Go on a C thread.
    if (this.opts.linksCgo === true && this.templateThread === null) this.startTemplateThread();
    if (this.opts.linksOS ?? true) {
      // Package os's init: NewFile for fds 0, 1, 2, each an fcntl(F_GETFL), and a SetFinalizer, the
      // first of which creates the finalizer goroutine (createfing). 1.19 makes the fcntl through
      // entersyscall, so P0's syscalltick is 3 when main starts (retake then needs two observations
      // of main's first syscall); 1.26 calls runtime.fcntl, raw, and P0's syscalltick stays 0
      // (osInitRawFcntl: sysmon retakes that first syscall at first sight).
      const fcntl = this.v.osInitRawFcntl ? 'raw' : 'syscall';
      yield { k: K.Syscall, ns: 300, mode: fcntl, name: 'fcntl' };
      yield { k: K.CreateFing };
      yield { k: K.Syscall, ns: 300, mode: fcntl, name: 'fcntl' };
      yield { k: K.Syscall, ns: 300, mode: fcntl, name: 'fcntl' };
    }
    // The runtime's remaining init tasks and the packages' init functions.
    yield { k: K.Work, ns: this.cost.init, every: 0 };
    const cur = this.curm!;
    unlockOSThread(cur, cur.curg!, false);
    const userMain = this.opts.main();
    if (typeof (userMain as Partial<GoBody> | null)?.next !== 'function') throw new TypeError(notGenerator('main', userMain));
    this.userMain = userMain;
    // A program with its own mark (the Go frontend's) gives the GC its live heap (mgc.ts LiveHeapSource).
    if (typeof (userMain as Partial<LiveHeapSource>).liveHeap === 'function') this.gc.liveSource = userMain as unknown as LiveHeapSource;
    // Call main.main as a tail call: G1's body becomes main's own generator, so each of main's ops
    // costs one generator resumption instead of two (exec.ts runG1). When it returns, runG1 does the
    // rest of runtime.main: exit(0).
    cur.curg!.body = userMain;
  }

  private startSysmonM(): void {
    const id = this.sched.mnext++;
    const m = new M(this, id);
    m.isSys = true;
    this.allm.push(m);
    this.log.ev(E.MCreate, -1, id, -1, 1, 0);
    setMState(this, m, MS.Starting);
    this.sysmon = startSysmon(this, m);
  }

  /** startTemplateThread: one more system M that creates threads for locked Ms. */
  startTemplateThread(): void {
    const id = this.sched.mnext++;
    if (mcount(this) > this.sched.maxmcount) {
      this.throw('thread exhaustion', `runtime: program exceeds ${this.sched.maxmcount}-thread limit\n`, ['checkmcount', 'mReserveID', 'newm', 'startTemplateThread']);
      return;
    }
    const m = new M(this, id);
    m.isSys = true;
    this.allm.push(m);
    this.templateThread = m;
    this.sched.nmsys++;
    this.log.ev(E.MCreate, -1, id, -1, 1, 0);
    m.blocked = true;
    setMState(this, m, MS.Template);
  }

  /** Dispatch of an M's events (see proc.ts's module note). */
  mfire(mp: M, tag: number, gen: number): void {
    if (this.exited) return;
    this.curm = mp;
    if (tag === T.Signal) {
      sigPreempt(this, mp);
    } else {
      if (gen !== mp.gen) return;
      mp.gen++;
      // The end of a CPU stretch (a Work op, a CPU-bound syscall) frees the M's share of the cores.
      if (mp.onCpu && tag === mp.cpuTag) cpuStop(this, mp);
      switch (tag) {
        case T.Run:
          runG(this, mp);
          break;
        case T.SyscallDone:
          exitsyscall(this, mp);
          break;
        case T.Wake:
          mwake(this, mp);
          break;
        case T.Start:
          mstart(this, mp);
          break;
        case T.NetpollDone:
          netpollDone(this, mp);
          break;
        case T.StealRetry:
          stealRetry(this, mp);
          break;
        case T.CoopPreempt:
          coopPreempt(this, mp);
          break;
        case T.TimersRun:
          timersRunDone(this, mp);
          break;
      }
    }
    this.curm = null;
  }

  /** The median time a timed kernel sleep of `ns` really lasts (timer slack + the VM's wake-up). */
  oversleepMedian(ns: number): number {
    return ns + this.cost.timerSlack + Math.min(ns * this.cost.timerSlackFraction, this.cost.timerSlackFractionMax);
  }

  /**
   * How long one timed kernel sleep of `ns` really lasts: usleep and nanosleep (hrtimer sleeps),
   * epoll_wait's timeout and notetsleep's futex timeout all expire through the same hrtimer slack, so
   * each gets the median oversleep with the seeded spread (CostModel.slackJitter). Without the
   * spread two threads that sleep from related moments (sysmon's deep sleep and the M polling for
   * the same timer) wake in a fixed order and phase every time, which real kernels never do.
   */
  oversleep(ns: number): number {
    const t = this.oversleepMedian(ns);
    const j = this.cost.slackJitter;
    if (j <= 0) return t;
    return ns + Math.round((t - ns) * (1 - j / 2 + j * (this.sleepRand.uint32() / 4294967296)));
  }

  /** sysmon's usleep(ns): one timed kernel sleep. */
  usleep(ns: number): number {
    return this.oversleep(ns);
  }

  /** A thread wake-up latency with the run's seeded jitter (see CostModel.jitter). */
  latency(base: number): number {
    const j = this.cost.jitter;
    if (j <= 0) return base;
    return Math.round(base * (1 - j / 2 + j * (this.rand.uint32() / 4294967296)));
  }

  /** Program output (fd 1 or 2). */
  write(fd: number, text: string): void {
    if (this.exited) return;
    (fd === 1 ? this.out : this.err).push(text);
    if (this.onWrite !== null) this.onWrite(fd, text);
    if (this.log.active) this.log.ev(E.Write, -1, this.curm ? this.curm.id : -1, -1, fd, this.log.text(text));
  }

  /** exit(code): the process ends now. */
  exit(code: number, reason: EndReason = 'exit'): void {
    if (this.exited) return;
    this.log.ev(E.Exit, -1, this.curm ? this.curm.id : -1, -1, code, -1);
    this.exited = true;
    this.exitCode = code;
    this.endReason = reason;
    this.sim.stop();
  }

  /** fatal(s): a user-caused fatal error (deadlock): message, all goroutines, exit 2. */
  fatal(msg: string): void {
    if (this.exited) return;
    let s = `fatal error: ${msg}\n`;
    // With schedtrace on, the crash path prints a scheddetail dump; the dying M shows it.
    if (this.debug.schedtrace > 0) s += schedtraceText(this, true, this.sim.now - (this.sysmon?.starttime ?? 0), this.curm);
    s += this.goroutineDump(null);
    this.write(2, s);
    this.exit(2, 'fatal');
  }

  /**
   * throw(s): a runtime-internal fatal error: message, `runtime stack:` of the throwing M, the
   * goroutines, exit 2. `underSchedLock`: thrown with sched.lock held (checkmcount): with
   * schedtrace on, go1.19's crash path calls schedtrace(true), which takes sched.lock again and
   * hangs the process after the first two lines (runtime-spec §21.2).
   */
  throw(msg: string, prefix = '', frames: readonly string[] = [], underSchedLock = false, gp: G | null = null): void {
    if (this.exited) return;
    if (underSchedLock && this.debug.schedtrace > 0) {
      this.write(2, `${prefix}fatal error: ${msg}\n`);
      this.exitMessage =
        'gmpsim: the runtime hung in its own crash path: with GODEBUG=schedtrace set, go1.19 prints a scheduler dump while crashing and takes sched.lock, which the throwing thread already holds (runtime-spec §21.2); a real process would hang here forever';
      this.exit(124, 'hang');
      return;
    }
    let s = `${prefix}fatal error: ${msg}\n`;
    const stack = ['throw', ...frames, ...this.stack.slice().reverse()];
    this.stack.length = 0;
    // A goroutine's own throw (gp: newstack on its behalf) ends its runtime stack at morestack, where
    // the goroutine's stack was switched for g0's; an M's throw ends in the M's start.
    const base = gp !== null ? [] : this.curm && this.sysmon && this.curm === this.sysmon.m ? ['sysmon', 'mstart1', 'mstart0', 'mstart'] : ['schedule', 'mstart1', 'mstart0', 'mstart'];
    s += '\nruntime stack:\n';
    for (const f of [...stack, ...base]) s += runtimeFrame(this.rf, f);
    // The throwing goroutine first, with its stack (fatalthrow → traceback of the current g), then the
    // others; a throw's traceback level also shows the runtime's own goroutines (fatal's does not).
    if (gp !== null) s += `\n${this.goroutineHeader(gp, true)}` + this.frames(gp, true);
    s += this.goroutineDump(gp, true);
    this.write(2, s);
    this.exit(2, 'fatal');
  }

  /**
   * An unrecovered panic in gp: `panic: msg`, gp's traceback, exit 2. `cause`: what the goroutine
   * threw; a JavaScript error's stack gives the traceback its frames with file and line, as Go's
   * traceback has them (`main.main()` / `\t/path/main.go:7 +0x1d`).
   */
  goPanic(gp: G, msg: string, cause?: unknown, header = 'panic'): void {
    if (this.exited) return;
    let s = `${header}: ${msg}\n\ngoroutine ${gp.goid} [running]:\n`;
    // A body with its own traceback (the Go frontend's) knows its frames better than a JS stack.
    const body = (gp.goid === 1 && !gp.system && this.userMain !== null ? this.userMain : gp.body) as { traceback?: unknown } | null;
    const custom = body !== null && typeof body.traceback === 'function';
    const own = !custom && cause instanceof Error && !(cause instanceof GoPanic) ? workloadFrames(cause) : '';
    s += own !== '' ? own + this.createdBy(gp) : this.frames(gp);
    this.write(2, s);
    this.exit(2, 'panic');
  }

  /**
   * The goroutine header + frames for each live user goroutine (tracebackothers). Go adds
   * ", N minutes" for long waits, but g.waitsince is only set by the GC's stack scan, which the
   * model does not have, so headers never carry it.
   */
  goroutineDump(skip: G | null, withSystem = false): string {
    let s = '';
    for (const gp of this.allgs) {
      if (gp === skip || (gp.system && !withSystem) || gp.atomicstatus === _Gdead) continue;
      s += `\n${this.goroutineHeader(gp, withSystem)}`;
      if (gp.atomicstatus === _Grunning) {
        s += '\tgoroutine running on other thread; stack unavailable\n';
      } else {
        s += this.frames(gp, withSystem);
      }
    }
    return s;
  }

  /** `goroutine N [status]:` (traceback.go goroutineheader; `gp=… m=…` at traceback level system since VersionProfile.headerGp). */
  private goroutineHeader(gp: G, system: boolean): string {
    return `goroutine ${gp.goid}${system && this.v.headerGp ? ` gp=0x0 m=${gp.m ? `${gp.m.id} mp=0x0` : 'nil'}` : ''} [${goroutineStatus(gp)}${gp.lockedm ? ', locked to thread' : ''}]:\n`;
  }

  /**
   * gp's frames. A body may provide `traceback(system)`: its own frames in Go's format; `system`
   * asks for the long form a throw prints (fp/sp/pc, runtime frames).
   */
  private frames(gp: G, system = false): string {
    const own = gp.goid === 1 && !gp.system && this.userMain !== null ? this.userMain : gp.body;
    const body = own as (GoBody & { traceback?: (system?: boolean, style?: TracebackStyle) => string }) | null;
    const custom = body && typeof body.traceback === 'function' ? body.traceback(system, this.tracebackStyle(gp)) : null;
    if (custom !== null) return custom;
    if (gp.system) {
      const creator = this.rf.systemCreators[gp.startfn];
      const inG = this.v.createdByGoroutine ? ' in goroutine 1' : '';
      return `runtime.gopark(...)\n\t${this.rf.gopark} +0x0 fp=0x0 sp=0x0 pc=0x0\n${gp.startfn}()\n\t?\n` + (creator ? `created by ${creator.replace('\n', `${inG}\n`)} +0x0\n` : '');
    }
    const file = this.opts.file ?? 'workload';
    return `${goName(gp.startfn)}()\n\t${file}\n` + this.createdBy(gp);
  }

  /** The `created by` frame of a goroutine's traceback (none for main). */
  private createdBy(gp: G): string {
    if (gp.parentGoid === 0) return '';
    const file = this.opts.file ?? 'workload';
    const parent = this.allgs.find((g) => g.goid === gp.parentGoid);
    const inG = this.v.createdByGoroutine ? ` in goroutine ${gp.parentGoid}` : '';
    return `created by ${goName(parent ? parent.startfn : 'main.main')}${inG}\n\t${file}\n`;
  }

  /** How a body with its own traceback prints the release's parts of it (TracebackStyle). */
  tracebackStyle(gp: G): TracebackStyle {
    return { createdIn: this.v.createdByGoroutine ? gp.parentGoid : 0, goexit: this.rf.goexit, runtimeMain: this.rf.runtimeMain, stdCreators: this.rf.stdCreators, gopanic: this.rf.gopanic, innerOuterFrames: this.v.tracebackInnerOuter, hiddenTop: gp.atomicstatus === _Gwaiting ? hiddenTopFrames(gp.waitreason) : 0 };
  }

  private booted = false;
  /** The event budget (RunOptions.maxEvents) ran out: the run stops, whatever else is pending. */
  private eventBudgetSpent = false;
  /** Threads asleep in the kernel on a wait queue (syscall.ts kernelSleep): no event of theirs is pending. */
  kernelSleepers = 0;

  /**
   * Only sysmon's ticks are pending, but some thread sleeps in a system call: sysmon can still
   * retake its P and hand it to a new thread if there is work for one (a runnable G or a timer).
   */
  private progressBySysmon(): boolean {
    if (this.kernelSleepers === 0) return false;
    if (this.sched.runq.size > 0) return true;
    for (const pp of this.allp) if (pInSyscall(this, pp) && (!runqempty(pp) || pp.timers.length > 0)) return true;
    return false;
  }

  /**
   * Run the program to its end or a budget. The loop is the kernel's (Sim.run): the event budget
   * counts log events (what every view counts), the per-event test hook and the watchdog are its
   * hooks.
   */
  run(): RunResult {
    for (;;) {
      const r = this.runSome();
      if (r !== null) return r;
    }
  }

  /** run(), except that it returns null when the watchdog paused the run (Watchdog.pause): call it again to go on. */
  runSome(): RunResult | null {
    if (!this.booted) {
      this.booted = true;
      const maxEvents = this.opts.maxEvents ?? defaultMaxEvents;
      if (maxEvents < Infinity) {
        this.log.setBudget(maxEvents, () => {
          this.eventBudgetSpent = true;
          this.sim.stop();
        });
      }
      this.boot();
    }
    const until = this.opts.until ?? Infinity;
    const after = this.opts.afterEvent;
    const check = this.check;
    const wd = this.opts.watchdog;
    let stopMessage = '';
    let paused = false;
    const hooks: RunHooks = {
      afterEvent:
        check || after
          ? () => {
              if (this.exited) return;
              if (check) checkInvariants(this);
              if (after) after(this);
            }
          : undefined,
      poll: wd
        ? () => {
            stopMessage = wd.check(this) ?? '';
            if (stopMessage !== '') return true;
            hooks.pollEvery = wd.every;
            paused = wd.pause !== undefined && wd.pause(this);
            return paused;
          }
        : undefined,
      pollEvery: wd?.every,
    };
    let why: StopReason;
    for (;;) {
      why = this.sim.run(until, Infinity, hooks);
      if (paused && !this.exited) return null;
      // Only daemon events (sysmon's ticks) are pending, but one can still make progress.
      if (why === 'quiescent' && !this.exited && !this.eventBudgetSpent && this.progressBySysmon()) {
        if (this.sim.peek() > until) {
          why = 'until';
          break;
        }
        this.sim.step();
        continue;
      }
      break;
    }
    if (!this.exited) {
      if (why === 'until') this.stopBudget(`gmpsim: stopped at simulated time ${fmtDuration(this.sim.now)}: the --until budget ran out while the program was still running`);
      else if (why === 'polled') this.stopBudget(stopMessage);
      else if (this.eventBudgetSpent) {
        this.stopBudget(
          `gmpsim: stopped after ${this.log.count} events at simulated time ${fmtDuration(this.sim.now)}: the --max-events budget of ${this.opts.maxEvents ?? defaultMaxEvents} ran out while the program was still running`,
        );
      } else {
        this.exitMessage = `gmpsim: the program can make no more progress at simulated time ${fmtDuration(this.sim.now)}: ${this.hangReason()}; a real process would hang here forever`;
        this.exited = true;
        this.exitCode = 124;
        this.endReason = 'hang';
      }
    }
    return this.result();
  }

  /**
   * gmpsim stops the program at a budget (simulated time, events, a watchdog's wall-clock or
   * memory limit): exit status 124 with a one-line `message`. Also what a host calls when it had
   * to interrupt run() from outside (a goroutine that never yields): then `result()` gives the
   * partial run.
   */
  stopBudget(message: string): void {
    if (this.exited) return;
    this.exitMessage = message;
    this.exited = true;
    this.exitCode = 124;
    this.endReason = 'budget';
  }

  /** The run's result so far (after run(), or after a host interrupted it and called stopBudget). */
  result(): RunResult {
    return {
      exitCode: this.exitCode,
      reason: this.endReason,
      message: this.exitMessage,
      simTime: this.sim.now,
      events: this.log.count,
      kernelEvents: this.sim.fired,
      stdout: this.out.join(''),
      stderr: this.err.join(''),
      log: this.log,
      runtime: this,
    };
  }

  private hangReason(): string {
    const waiting = this.allgs.filter((g) => !g.system && g.atomicstatus === _Gwaiting).length;
    const why: string[] = [];
    if (this.netpoller !== null) why.push('an M is blocked in netpoll (network waiters keep checkdead from reporting a deadlock)');
    if (this.opts.linksCgo === true) why.push("the cgo extra M keeps checkdead from reporting a deadlock (runtime-spec §21.5)");
    const locked = this.sched.nmidlelocked;
    if (locked > 0) why.push(`${locked} locked M(s) wait for their goroutines`);
    return `all ${waiting} user goroutines are blocked and nothing is pending${why.length ? ', but ' + why.join(' and ') : ''}`;
  }
}

/**
 * The workload's own frames of a JavaScript error's stack, innermost first, in Go's traceback form:
 * `main.worker()` / `\t/abs/path/worker.ts:12 +0x0`. Frames of the engine (the workload API
 * that threw on the workload's behalf), of Node, and everything from the engine's resumption of
 * the goroutine on are left out. Empty when the stack names no workload frame.
 */
const engineFrame = /(^|[\\/])(node_modules|dist[\\/]src|src[\\/](runtime|workload|kernel|log|views))[\\/]/;
export function workloadFrames(e: Error): string {
  let s = '';
  for (const line of String(e.stack ?? '').split('\n')) {
    const m = /^\s+at (?:(.*?) \()?(.+?):(\d+):(\d+)\)?$/.exec(line);
    if (!m) continue; // not a frame, or a generator's next (<anonymous>) between two of the goroutine's frames
    const where = m[2]!.replace(/^file:\/\//, '');
    if (engineFrame.test(where) || where.startsWith('node:') || where.startsWith('evalmachine')) {
      // The engine resuming the goroutine is where the goroutine's frames end.
      if (s !== '') break;
      continue;
    }
    const name = (m[1] ?? '').replace(/ \[as [^\]]+\]$/, '').replace(/^(Module|Object|Generator)\./, '').replace(/^async /, '') || 'func1';
    s += `${goName(name)}()\n\t${decodeURIComponent(where)}:${m[3]} +0x0\n`;
  }
  return s;
}

/** One frame of a `runtime stack:` in the release's shape (addresses are zero: the model has none). */
function runtimeFrame(rf: RuntimeFrames, f: string): string {
  const site = rf.sites[f];
  return site ? `runtime.${f}${site[0]}\n\t${site[1]} +0x0 fp=0x0 sp=0x0 pc=0x0\n` : `runtime.${f}(...)\n\t?\n`;
}

/**
 * What a goroutine body that prints its own traceback (the Go frontend's, `traceback(system, style)`)
 * takes from the run's release: the `created by` line's ` in goroutine N` (Go 1.21+; 0 = none) and
 * the `runtime.goexit` frame ending a stack at traceback level system (frames.ts).
 */
export interface TracebackStyle {
  createdIn: number;
  goexit: string;
  /** runtime.main's frame, under main.main at traceback level system (frames.ts). */
  runtimeMain?: string;
  /** The release's file:line of the standard library's go statements, by creating function (frames.ts). */
  stdCreators?: Readonly<Record<string, string>>;
  /** The release's file:line of gopanic's call of a deferred function (frames.ts RuntimeFrames.gopanic). */
  gopanic?: string;
  /** Deep stacks print their 50 innermost and 50 outermost frames (VersionProfile.tracebackInnerOuter); else the 100 innermost. */
  innerOuterFrames?: boolean;
  /** The runtime's unprinted frames on top of a parked goroutine's stack (frames.ts hiddenTopFrames; 0 when it is not parked). */
  hiddenTop?: number;
}

/** Status text in a goroutine header: the wait reason, or the status name. */
function goroutineStatus(gp: G): string {
  switch (gp.atomicstatus) {
    case _Gwaiting:
      return gp.waitreason || 'waiting';
    case _Grunnable:
      return 'runnable';
    case _Grunning:
      return 'running';
    case _Gsyscall:
      return 'syscall';
    default:
      return 'dead';
  }
}

function goName(fn: string): string {
  return fn.includes('.') ? fn : `main.${fn}`;
}

/** A value as an error message shows it. */
function shown(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'function') return `a function`;
  if (v === null || typeof v !== 'object') return String(v);
  return Array.isArray(v) ? 'an array' : 'an object';
}

/**
 * The options a host gave, checked before anything runs (the library's counterpart of the CLI's
 * usage errors): a TypeError or RangeError naming the option, what it must be and what it was — never
 * a panic of the simulated program, and nothing silently dropped (an unknown cost or GODEBUG key is an
 * error here; the CLI reports unknown GODEBUG keys of the environment as Go does, ignored).
 */
export function checkRunOptions(o: RunOptions): void {
  if (o === null || typeof o !== 'object') throw new TypeError(`run options must be an object such as { main }, got ${shown(o)}`);
  if (typeof o.main !== 'function') throw new TypeError(`main must be the program's main.main: a generator function (\`function* main() { … }\`), got ${shown(o.main)}`);
  if (o.go !== undefined && !(goReleases as readonly string[]).includes(o.go)) throw new RangeError(`go must be one of ${goReleases.join(', ')}, got ${shown(o.go)}`);
  for (const [k, v] of Object.entries(o.cost ?? {})) {
    if (!(costNames as readonly string[]).includes(k)) throw new RangeError(`cost.${k}: no such cost parameter (known: ${costNames.join(', ')})`);
    if (typeof v !== 'number') throw new RangeError(`cost.${k}: must be a number (ns), got ${shown(v)}`);
    const err = costValueError(k as keyof CostModel, v);
    if (err !== null) throw new RangeError(`cost.${k}=${v}: ${err}`);
  }
  for (const [k, v] of Object.entries(o.godebug ?? {})) {
    if (!(godebugKeys as readonly string[]).includes(k)) throw new RangeError(`godebug.${k}: gmpsim models no such GODEBUG key (known: ${godebugKeys.join(', ')})`);
    const ok = typeof v === 'boolean' || (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0);
    if (!ok) throw new RangeError(`godebug.${k}: must be a non-negative integer (or a boolean), got ${shown(v)}`);
  }
  if (o.until !== undefined && !(typeof o.until === 'number' && o.until >= 0)) throw new RangeError(`until must be a non-negative number of ns of simulated time, got ${shown(o.until)}`);
  if (o.maxEvents !== undefined && !(typeof o.maxEvents === 'number' && o.maxEvents >= 1 && (Number.isInteger(o.maxEvents) || o.maxEvents === Infinity))) {
    throw new RangeError(`maxEvents must be a positive integer (or Infinity), got ${shown(o.maxEvents)}`);
  }
}

/** Go-style duration text (1.5ms, 2s, 300µs). */
export function fmtDuration(ns: number): string {
  if (ns === 0) return '0s';
  if (ns < 1e3) return `${ns}ns`;
  if (ns < 1e6) return `${trim(ns / 1e3)}µs`;
  if (ns < 1e9) return `${trim(ns / 1e6)}ms`;
  return `${trim(ns / 1e9)}s`;
}

function trim(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}

/** Run a program on the simulated runtime. */
export function run(opts: RunOptions): RunResult {
  return new Runtime(opts).run();
}
