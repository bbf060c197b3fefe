/**
 * Rebuild the scheduler's state from the event log: the one reconstruction every view uses (CLI
 * plots, the summary, the browser picture, tests). Views never look inside the engine.
 *
 * `Replay` applies events in order to a mirror of the G/M/P records: where each G is (runnext, a
 * P's run queue in order, the global queue, running/syscall on an M, parked, dead), each P's status
 * and owner, each M's activity and flags. Seeking backwards restores the nearest checkpoint (a
 * full copy taken every `checkpointEvery` events) and replays forward, so stepping back in the web
 * app is O(checkpointEvery) at worst.
 *
 * `counts()` (schedtrace's numbers, user Gs by state) is O(1): apply() keeps the counters up to
 * date, each event adjusting them for the records it changes, so a view can read the counts after
 * every event (the web page's chart scan does, on 10k-goroutine runs) where a recount over all Gs
 * and Ms each time would be quadratic. The counters live in the State, so checkpoints and seek
 * carry them. `recount()` is the definition they follow, recomputed from the records. For the same
 * reason a G leaving a queue's head costs O(1) (the global queue keeps a moving head index).
 *
 * `pActivity` classifies what a P is doing (the web page's per-P timeline) from the same records,
 * so no view keeps its own mirror of P and M state for it.
 *
 * Invariants (tested): after every event, the replayed counts and queues equal the engine's, and
 * the incremental counts equal `recount()`.
 */
import { E, Loc, MS, type EventLog, type LocCode, type MStateCode } from './events.js';
import { _Pdead, _Pgcstop, _Pidle, _Prunning, _Psyscall } from '../runtime/runtime2.js';
import { SyscallModeCode } from '../runtime/syscall.js';

export const GStatus = { Runnable: 1, Running: 2, Syscall: 3, Waiting: 4, Dead: 6 } as const;

export interface GView {
  goid: number;
  status: number;
  loc: LocCode;
  /** P (runnext/runq), M (running/syscall) or −1. */
  where: number;
  reason: string;
  name: string;
  parent: number;
  system: boolean;
}

export interface PView {
  id: number;
  /** Go's _P status code. */
  status: number;
  m: number;
  /** On the idle list. */
  idle: boolean;
  runnext: number;
  runq: number[];
  schedtick: number;
  dead: boolean;
  /** Timer heap length (scheddetail's timerslen) and earliest when (−1 = none). */
  timers: number;
  nextTimer: number;
  /** Goroutines sleeping on this P's timer heap (time.Sleep). */
  sleepers: number[];
  /**
   * The M that left this P in _Psyscall (the latest M whose m.oldp is this P), while the P stays
   * there; −1 otherwise. An earlier M whose P was retaken and later re-entered _Psyscall under
   * another M keeps its stale m.oldp, as in the runtime; this says which M the P belongs with.
   */
  syscallM: number;
}

export interface MView {
  id: number;
  state: MStateCode;
  p: number;
  g: number;
  spinning: boolean;
  sys: boolean;
  dead: boolean;
  /** Extra value of the last MState (netpoll timeout, sysmon sleep). */
  extra: number;
  /**
   * The P this M left to enter its current system call (Go's m.oldp, set by reentersyscall and
   * cleared by exitsyscall; −1: none). entersyscallblock hands the P off at once and leaves it
   * unset, as the runtime does. A view reads it to draw an M whose P is still in _Psyscall beside
   * that P, not also among the Ms without a P.
   */
  oldp: number;
}

export interface Counts {
  t: number;
  gomaxprocs: number;
  threads: number;
  idlethreads: number;
  spinningthreads: number;
  idleprocs: number;
  runqueue: number;
  running: number;
  runnable: number;
  waiting: number;
  syscall: number;
  netpoll: number;
}

/** What a P is doing, for the web timeline: see pActivity. */
export type PActivity = 'run' | 'syscall' | 'idle' | 'spin' | 'sched' | 'gc' | 'dead';

/** The counts() numbers that apply() maintains (all but the time, GOMAXPROCS and the global queue). */
type Counters = Omit<Counts, 't' | 'gomaxprocs' | 'runqueue'>;

/** Everything a checkpoint copies: the records, and the counters apply() keeps in step with them. */
interface State extends Counters {
  i: number;
  t: number;
  gomaxprocs: number;
  gs: Map<number, GView>;
  ps: PView[];
  ms: MView[];
  /** The global run queue from index `globalHead` on (see takeGlobal). */
  global: number[];
  globalHead: number;
}

/**
 * A checkpoint's copy of the state. A dead G's record never changes again (goids are not reused:
 * GoCreate makes a new record), so copies share it; live ones are copied field by field (a
 * literal of one shape, ~2× faster than a spread on 10k-goroutine runs).
 */
function cloneState(s: State): State {
  const gs = new Map<number, GView>();
  for (const [k, v] of s.gs)
    gs.set(k, v.status === GStatus.Dead ? v : { goid: v.goid, status: v.status, loc: v.loc, where: v.where, reason: v.reason, name: v.name, parent: v.parent, system: v.system });
  return {
    i: s.i,
    t: s.t,
    gomaxprocs: s.gomaxprocs,
    gs,
    ps: s.ps.map((p) => ({ ...p, runq: p.runq.slice(), sleepers: p.sleepers.slice() })),
    ms: s.ms.map((m) => ({ ...m })),
    global: s.global.slice(s.globalHead),
    globalHead: 0,
    threads: s.threads,
    idlethreads: s.idlethreads,
    spinningthreads: s.spinningthreads,
    idleprocs: s.idleprocs,
    running: s.running,
    runnable: s.runnable,
    waiting: s.waiting,
    syscall: s.syscall,
    netpoll: s.netpoll,
  };
}

function emptyState(): State {
  return { i: 0, t: 0, gomaxprocs: 0, gs: new Map(), ps: [], ms: [], global: [], globalHead: 0, ...zeroCounters() };
}

function zeroCounters(): Counters {
  return { threads: 0, idlethreads: 0, spinningthreads: 0, idleprocs: 0, running: 0, runnable: 0, waiting: 0, syscall: 0, netpoll: 0 };
}

/** The user-G counter a G is counted in (system Gs, `runtime.*`, and dead Gs: none). */
function gCounter(gv: GView): 'running' | 'runnable' | 'waiting' | 'syscall' | 'netpoll' | null {
  if (gv.system) return null;
  switch (gv.status) {
    case GStatus.Running:
      return 'running';
    case GStatus.Runnable:
      return 'runnable';
    case GStatus.Syscall:
      return 'syscall';
    case GStatus.Waiting:
      return gv.loc === Loc.Netpoll ? 'netpoll' : 'waiting';
    default:
      return null;
  }
}

/** Add (d = 1) or remove (d = −1) an M's share of the thread counters: a dead M has none. */
function countM(s: Counters, mm: MView | undefined, d: 1 | -1): void {
  if (mm === undefined || mm.dead) return;
  s.threads += d;
  if (mm.state === MS.Idle) s.idlethreads += d;
  if (mm.spinning) s.spinningthreads += d;
}

/**
 * Take the element at `j` (−1: none) out of queue `q`. Gs leave queues from the head (runqget, a
 * steal, the earliest sleeper), where shift() is O(1) in V8 for arrays up to several thousand
 * elements (it moves the array's start) while splice(0, 1) moves every element. (The global queue,
 * which grows to tens of thousands, has its own head index: takeGlobal.)
 */
function removeAt(q: number[], j: number): void {
  if (j === 0) q.shift();
  else if (j > 0) q.splice(j, 1);
}

function newP(id: number): PView {
  return { id, status: _Pgcstop, m: -1, idle: false, runnext: -1, runq: [], schedtick: 0, dead: false, timers: 0, nextTimer: -1, sleepers: [], syscallM: -1 };
}

export class Replay {
  readonly log: EventLog;
  private s: State = emptyState();
  private checkpoints: State[] = [];
  readonly checkpointEvery: number;

  constructor(log: EventLog, checkpointEvery = 2048) {
    this.log = log;
    this.checkpointEvery = checkpointEvery;
    this.checkpoints.push(cloneState(this.s));
  }

  /** Number of events applied. */
  get index(): number {
    return this.s.i;
  }
  get time(): number {
    return this.s.t;
  }
  get gomaxprocs(): number {
    return this.s.gomaxprocs;
  }
  get gs(): ReadonlyMap<number, GView> {
    return this.s.gs;
  }
  get ps(): readonly PView[] {
    return this.s.ps;
  }
  get ms(): readonly MView[] {
    return this.s.ms;
  }
  /** The global run queue, head first. Read it again after moving the replay. */
  get global(): readonly number[] {
    const s = this.s;
    if (s.globalHead > 0) {
      s.global.splice(0, s.globalHead);
      s.globalHead = 0;
    }
    return s.global;
  }

  /** Move to the state after the first `n` events (0 ≤ n ≤ log.length). */
  seek(n: number): void {
    n = Math.max(0, Math.min(n, this.log.length));
    if (n < this.s.i) {
      const k = Math.min(Math.floor(n / this.checkpointEvery), this.checkpoints.length - 1);
      this.s = cloneState(this.checkpoints[k]!);
    }
    while (this.s.i < n) this.step();
  }

  /** Apply the next stored event. */
  step(): void {
    const log = this.log;
    const i = this.s.i;
    this.apply(log.t[i]!, log.k[i]!, log.g[i]!, log.m[i]!, log.p[i]!, log.a[i]!, log.b[i]!);
  }

  /** Apply one event (also usable as a live EventListener). */
  apply(t: number, k: number, g: number, m: number, p: number, a: number, b: number): void {
    const s = this.s;
    s.t = t;
    switch (k) {
      case E.GoCreate: {
        const old = s.gs.get(g);
        const was = old === undefined ? null : gCounter(old);
        if (was !== null) s[was]--;
        const gv: GView = {
          goid: g,
          status: GStatus.Runnable,
          loc: Loc.None,
          where: -1,
          reason: '',
          name: this.log.string(b),
          parent: a,
          system: this.log.string(b).startsWith('runtime.'),
        };
        s.gs.set(g, gv);
        const now = gCounter(gv);
        if (now !== null) s[now]++;
        break;
      }
      case E.GLoc:
        this.move(g, a as LocCode, b);
        break;
      case E.PState: {
        const pp = this.p(p);
        // Keep M.p in step with P.m (acquirep/releasep have no M event of their own).
        if (pp.m !== m) {
          const old = pp.m >= 0 ? s.ms[pp.m] : undefined;
          if (old && old.p === p) old.p = -1;
          const nm = m >= 0 ? s.ms[m] : undefined;
          if (nm) nm.p = p;
        }
        pp.status = a;
        pp.m = m;
        if (a !== _Psyscall) pp.syscallM = -1;
        if (pp.idle) s.idleprocs--;
        pp.idle = a === _Pidle && b === 1;
        if (pp.idle) s.idleprocs++;
        if (a === _Pdead) pp.dead = true;
        break;
      }
      case E.MCreate:
        countM(s, s.ms[m], -1);
        s.ms[m] = { id: m, state: MS.Starting, p: p, g: -1, spinning: false, sys: a === 1, dead: false, extra: 0, oldp: -1 };
        countM(s, s.ms[m], 1);
        break;
      case E.MState: {
        const mm = s.ms[m]!;
        countM(s, mm, -1);
        mm.state = a as MStateCode;
        mm.p = p;
        mm.g = g;
        mm.extra = b;
        if (a === MS.Dead) mm.dead = true;
        countM(s, mm, 1);
        break;
      }
      case E.MSpin: {
        const mm = s.ms[m]!;
        countM(s, mm, -1);
        mm.spinning = a === 1;
        countM(s, mm, 1);
        break;
      }
      case E.Execute:
        this.p(p).schedtick = b;
        break;
      case E.EnterSyscall: {
        // reentersyscall: m.oldp = pp (entersyscallblock: handoffp(releasep()), no oldp).
        const mm = s.ms[m];
        if (mm) mm.oldp = a === SyscallModeCode.block ? -1 : p;
        if (a !== SyscallModeCode.block && p >= 0) this.p(p).syscallM = m;
        break;
      }
      case E.ExitSyscall: {
        const mm = s.ms[m];
        if (mm) mm.oldp = -1;
        break;
      }
      case E.Timers: {
        const pp = this.p(p);
        const before = pp.timers;
        pp.timers = a;
        pp.nextTimer = b;
        if (g >= 0) {
          const j = pp.sleepers.indexOf(g);
          if (a > before && j < 0) pp.sleepers.push(g);
          else if (a < before && j >= 0) removeAt(pp.sleepers, j);
        }
        if (a === 0) pp.sleepers.length = 0;
        break;
      }
      case E.Procs: {
        s.gomaxprocs = a;
        for (let id = 0; id < a; id++) {
          const pp = this.p(id);
          pp.dead = false;
        }
        for (let id = Math.max(a, 0); id < s.ps.length; id++) if (s.ps[id]?.idle) s.idleprocs--;
        s.ps.length = Math.max(a, 0);
        break;
      }
      default:
        break;
    }
    s.i++;
    if (s.i % this.checkpointEvery === 0 && s.i / this.checkpointEvery === this.checkpoints.length) {
      this.checkpoints.push(cloneState(s));
    }
  }

  private p(id: number): PView {
    let pp = this.s.ps[id];
    if (pp === undefined) {
      pp = newP(id);
      this.s.ps[id] = pp;
      if (id >= this.s.gomaxprocs) this.s.gomaxprocs = id + 1;
    }
    return pp;
  }

  private move(goid: number, loc: LocCode, arg: number): void {
    const s = this.s;
    let gv = s.gs.get(goid);
    if (gv === undefined) return;
    if (gv.status === GStatus.Dead) {
      // checkpoints share dead records (cloneState): never change one in place
      gv = { ...gv };
      s.gs.set(goid, gv);
    }
    const was = gCounter(gv);
    // leave the old place
    switch (gv.loc) {
      case Loc.Runnext: {
        const pp = s.ps[gv.where];
        if (pp && pp.runnext === goid) pp.runnext = -1;
        break;
      }
      case Loc.Runq: {
        const pp = s.ps[gv.where];
        if (pp) removeAt(pp.runq, pp.runq.indexOf(goid));
        break;
      }
      case Loc.Global:
      case Loc.GlobalHead:
        this.takeGlobal(goid);
        break;
      case Loc.Running:
      case Loc.Syscall: {
        const mm = s.ms[gv.where];
        if (mm && mm.g === goid) mm.g = -1;
        break;
      }
      default:
        break;
    }
    gv.loc = loc;
    gv.where = -1;
    switch (loc) {
      case Loc.None:
        gv.status = GStatus.Runnable;
        break;
      case Loc.Runnext:
        gv.status = GStatus.Runnable;
        gv.where = arg;
        this.p(arg).runnext = goid;
        break;
      case Loc.Runq:
        gv.status = GStatus.Runnable;
        gv.where = arg;
        this.p(arg).runq.push(goid);
        break;
      case Loc.Global:
        gv.status = GStatus.Runnable;
        s.global.push(goid);
        break;
      case Loc.GlobalHead:
        gv.status = GStatus.Runnable;
        if (s.globalHead > 0) s.global[--s.globalHead] = goid;
        else s.global.unshift(goid);
        break;
      case Loc.Running:
      case Loc.Syscall: {
        gv.status = loc === Loc.Running ? GStatus.Running : GStatus.Syscall;
        gv.where = arg;
        const mm = s.ms[arg];
        if (mm) mm.g = goid;
        break;
      }
      case Loc.Waiting:
      case Loc.Netpoll:
        gv.status = GStatus.Waiting;
        gv.reason = this.log.string(arg);
        break;
      case Loc.Dead:
        gv.status = GStatus.Dead;
        break;
    }
    const now = gCounter(gv);
    if (was !== now) {
      if (was !== null) s[was]--;
      if (now !== null) s[now]++;
    }
  }

  /**
   * Take G `goid` out of the global queue. Gs leave it from the head (globrunqget), one at a time,
   * and it holds thousands of Gs in 10k-goroutine runs: removing each by moving the rest (splice,
   * or shift past V8's in-place limit) made a replay quadratic. Instead the head index moves past
   * it; the dead prefix is dropped when it is half the array (amortised O(1)) or when `global` is
   * read.
   */
  private takeGlobal(goid: number): void {
    const s = this.s;
    const q = s.global;
    const j = q.indexOf(goid, s.globalHead);
    if (j < 0) return;
    if (j > s.globalHead) {
      q.splice(j, 1);
      return;
    }
    s.globalHead++;
    if (s.globalHead === q.length) {
      q.length = 0;
      s.globalHead = 0;
    } else if (s.globalHead >= 1024 && 2 * s.globalHead >= q.length) {
      q.splice(0, s.globalHead);
      s.globalHead = 0;
    }
  }

  /** The numbers schedtrace prints, and G counts by state, at the current position. O(1). */
  counts(): Counts {
    return this.withCounters(this.s);
  }

  /**
   * counts() recomputed from the records (O(#Gs + #Ms)), the definition the incremental counters
   * follow: threads = Ms not dead, idlethreads = those parked on the idle list (MS.Idle),
   * spinningthreads = those spinning; idleprocs = Ps on the idle list; G counts = user Gs (not
   * `runtime.*`) by status, IO wait (Loc.Netpoll) apart from other waits. For tests.
   */
  recount(): Counts {
    const s = this.s;
    const c: Counters = zeroCounters();
    for (const m of s.ms) countM(c, m, 1);
    for (const p of s.ps) if (p && p.idle) c.idleprocs++;
    for (const gv of s.gs.values()) {
      const k = gCounter(gv);
      if (k !== null) c[k]++;
    }
    return this.withCounters(c);
  }

  /** Counts at the current position with the given counters (the kept ones, or a recount's). */
  private withCounters(c: Counters): Counts {
    const s = this.s;
    return {
      t: s.t,
      gomaxprocs: s.gomaxprocs,
      threads: c.threads,
      idlethreads: c.idlethreads,
      spinningthreads: c.spinningthreads,
      idleprocs: c.idleprocs,
      runqueue: s.global.length - s.globalHead,
      running: c.running,
      runnable: c.runnable,
      waiting: c.waiting,
      syscall: c.syscall,
      netpoll: c.netpoll,
    };
  }
}

/**
 * P `pp`'s status as the views show it: Go's _P status code, except that a P whose goroutine is in a
 * system call shows as _Psyscall in every Go version. Go 1.19 sets _Psyscall itself (the P is
 * detached from its M); since Go 1.26 the P stays _Prunning and wired to its M, which is in a
 * syscall (MS.Syscall: entersyscall's MState event) until it returns or the P is taken (takeP's
 * PState event unwires it). So "P in syscall" reads the same from a 1.19 and a 1.26 log.
 */
export function pShownStatus(pp: PView, ms: readonly MView[]): number {
  if (pp.status === _Prunning && pp.m >= 0 && ms[pp.m]?.state === MS.Syscall) return _Psyscall;
  return pp.status;
}

/**
 * pShownStatus for listeners that keep no Replay (the summary streams a run whose log is not
 * stored): the P and M records it needs (status, owner, the M's activity), applied from the same
 * PState and MState events, read the same way.
 */
export class PStatusTrack {
  private readonly st: number[] = [];
  private readonly owner: number[] = [];
  private readonly mstate: number[] = [];

  /** Apply one event; returns the P whose shown status may have changed (−1: none). */
  apply(k: number, m: number, p: number, a: number): number {
    if (k === E.PState) {
      this.st[p] = a;
      this.owner[p] = m;
      return p;
    }
    if (k === E.MState) {
      this.mstate[m] = a;
      return p >= 0 && this.owner[p] === m ? p : -1;
    }
    return -1;
  }

  /** The P's shown status (pShownStatus); −1 before its first PState event. */
  shown(p: number): number {
    const st = this.st[p];
    if (st === undefined) return -1;
    const m = this.owner[p]!;
    if (st === _Prunning && m >= 0 && this.mstate[m] === MS.Syscall) return _Psyscall;
    return st;
  }
}

/**
 * What P `pp` is doing, from its status and its M (the web timeline's per-P bars). By the shown _P
 * status (pShownStatus): _Pdead (also no record: destroyed by GOMAXPROCS) 'dead', _Pidle 'idle',
 * _Psyscall 'syscall' (1.19: the P is detached from its M; 1.26: its M is in the syscall with it),
 * _Pgcstop 'gc'. A _Prunning P is 'run' while its M runs G `g`, 'spin' while its M spins, else
 * 'sched' (the M is in the scheduler: between a G leaving it and the next one, or not started yet).
 * It reads only `pp` and its M, ms[pp.m].
 */
export function pActivity(pp: PView | undefined, ms: readonly MView[]): { act: PActivity; g: number } {
  if (pp === undefined) return { act: 'dead', g: -1 };
  switch (pShownStatus(pp, ms)) {
    case _Pdead:
      return { act: 'dead', g: -1 };
    case _Pidle:
      return { act: 'idle', g: -1 };
    case _Psyscall:
      return { act: 'syscall', g: -1 };
    case _Pgcstop:
      return { act: 'gc', g: -1 };
  }
  const mm = pp.m >= 0 ? ms[pp.m] : undefined;
  if (mm === undefined) return { act: 'sched', g: -1 };
  if (mm.spinning) return { act: 'spin', g: -1 };
  if (mm.state === MS.Running && mm.g >= 0) return { act: 'run', g: mm.g };
  return { act: 'sched', g: -1 };
}

/**
 * The P an M in a system call is still tied to: its m.oldp (set by entersyscall, cleared by
 * exitsyscall) while that P sits in _Psyscall with no owner and this M is the one that left it there (Go 1.19's entersyscall detaches the P; sysmon
 * has not retaken it, so exitsyscallfast can reacquire it). −1 otherwise: the M has no P (retaken, or entersyscallblock), or the P is wired to
 * it (Go ≥ 1.26: P.m is the M itself). Views draw such an M with that P, and only there.
 */
export function syscallOldP(mm: MView, ps: readonly PView[]): number {
  if (mm.dead || mm.oldp < 0) return -1;
  const pp = ps[mm.oldp];
  return pp !== undefined && !pp.dead && pp.status === _Psyscall && pp.m < 0 && pp.syscallM === mm.id ? mm.oldp : -1;
}
