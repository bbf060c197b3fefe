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
 * Invariant (tested): after every event, the replayed counts and queues equal the engine's.
 */
import { E, Loc, MS, type EventLog, type LocCode, type MStateCode } from './events.js';

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

interface State {
  i: number;
  t: number;
  gomaxprocs: number;
  gs: Map<number, GView>;
  ps: PView[];
  ms: MView[];
  global: number[];
}

function cloneState(s: State): State {
  const gs = new Map<number, GView>();
  for (const [k, v] of s.gs) gs.set(k, { ...v });
  return {
    i: s.i,
    t: s.t,
    gomaxprocs: s.gomaxprocs,
    gs,
    ps: s.ps.map((p) => ({ ...p, runq: p.runq.slice(), sleepers: p.sleepers.slice() })),
    ms: s.ms.map((m) => ({ ...m })),
    global: s.global.slice(),
  };
}

function emptyState(): State {
  return { i: 0, t: 0, gomaxprocs: 0, gs: new Map(), ps: [], ms: [], global: [] };
}

function newP(id: number): PView {
  return { id, status: 3, m: -1, idle: false, runnext: -1, runq: [], schedtick: 0, dead: false, timers: 0, nextTimer: -1, sleepers: [] };
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
  get global(): readonly number[] {
    return this.s.global;
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
      case E.GoCreate:
        s.gs.set(g, {
          goid: g,
          status: GStatus.Runnable,
          loc: Loc.None,
          where: -1,
          reason: '',
          name: this.log.string(b),
          parent: a,
          system: this.log.string(b).startsWith('runtime.'),
        });
        break;
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
        if (a === 0) pp.idle = b === 1 ? true : false;
        else pp.idle = false;
        if (a === 4) pp.dead = true;
        break;
      }
      case E.MCreate:
        s.ms[m] = { id: m, state: MS.Starting, p: p, g: -1, spinning: false, sys: a === 1, dead: false, extra: 0 };
        break;
      case E.MState: {
        const mm = s.ms[m]!;
        mm.state = a as MStateCode;
        mm.p = p;
        mm.g = g;
        mm.extra = b;
        if (a === MS.Dead) mm.dead = true;
        break;
      }
      case E.MSpin:
        s.ms[m]!.spinning = a === 1;
        break;
      case E.Execute:
        this.p(p).schedtick = b;
        break;
      case E.Timers: {
        const pp = this.p(p);
        const before = pp.timers;
        pp.timers = a;
        pp.nextTimer = b;
        if (g >= 0) {
          const j = pp.sleepers.indexOf(g);
          if (a > before && j < 0) pp.sleepers.push(g);
          else if (a < before && j >= 0) pp.sleepers.splice(j, 1);
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
    const gv = s.gs.get(goid);
    if (gv === undefined) return;
    // leave the old place
    switch (gv.loc) {
      case Loc.Runnext: {
        const pp = s.ps[gv.where];
        if (pp && pp.runnext === goid) pp.runnext = -1;
        break;
      }
      case Loc.Runq: {
        const pp = s.ps[gv.where];
        if (pp) {
          const j = pp.runq.indexOf(goid);
          if (j >= 0) pp.runq.splice(j, 1);
        }
        break;
      }
      case Loc.Global:
      case Loc.GlobalHead: {
        const j = s.global.indexOf(goid);
        if (j >= 0) s.global.splice(j, 1);
        break;
      }
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
        s.global.unshift(goid);
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
  }

  /** The numbers schedtrace prints, and G counts by state, at the current position. */
  counts(): Counts {
    const s = this.s;
    let threads = 0;
    let idlethreads = 0;
    let spinning = 0;
    for (const m of s.ms) {
      if (!m || m.dead) continue;
      threads++;
      if (m.state === MS.Idle) idlethreads++;
      if (m.spinning) spinning++;
    }
    let idleprocs = 0;
    for (const p of s.ps) if (p && p.idle) idleprocs++;
    let running = 0;
    let runnable = 0;
    let waiting = 0;
    let syscall = 0;
    let netpoll = 0;
    for (const gv of s.gs.values()) {
      if (gv.system) continue;
      switch (gv.status) {
        case GStatus.Running:
          running++;
          break;
        case GStatus.Runnable:
          runnable++;
          break;
        case GStatus.Syscall:
          syscall++;
          break;
        case GStatus.Waiting:
          if (gv.loc === Loc.Netpoll) netpoll++;
          else waiting++;
          break;
      }
    }
    return {
      t: s.t,
      gomaxprocs: s.gomaxprocs,
      threads,
      idlethreads,
      spinningthreads: spinning,
      idleprocs,
      runqueue: s.global.length,
      running,
      runnable,
      waiting,
      syscall,
      netpoll,
    };
  }
}
