/**
 * The page-side model of one finished run: the event log rebuilt from the worker's columns, a
 * Replay positioned at the time cursor, and what the charts and the inspector need, computed in one
 * pass over the log (never by asking the engine):
 *  - series: threads / GOMAXPROCS / goroutines by state at every change point;
 *  - per-P activity segments (running G, syscall, idle, spinning, scheduling);
 *  - per-G / per-M / per-P event indices (click-for-history, sleep-timer owner);
 *  - per-kind event indices (jump to the next handoff, retake…).
 */
import { EventLog, E, Loc, MS } from '../../src/index.js';
import { Replay } from '../../src/log/replay.js';
import type { Columns, RunDone } from './protocol';

export type Activity = 'run' | 'syscall' | 'idle' | 'spin' | 'sched' | 'gc' | 'dead';

export interface Segment {
  t0: number;
  t1: number;
  act: Activity;
  g: number;
}

/** Columnar time series, one row per change point. */
export interface Series {
  n: number;
  t: Float64Array;
  i: Int32Array;
  threads: Int32Array;
  procs: Int32Array;
  running: Int32Array;
  runnable: Int32Array;
  waiting: Int32Array;
  syscall: Int32Array;
  netpoll: Int32Array;
}

/** The jumps the time control offers: label → event kinds (with an optional filter). */
export const jumpKinds = {
  handoff: 'Handoff',
  retake: 'Retake',
  preempt: 'Preempted',
  steal: 'Steal',
  netpoll: 'Netpoll wake',
  thread: 'Thread created',
} as const;
export type JumpKind = keyof typeof jumpKinds;

class Grow {
  n = 0;
  cols: Record<string, Float64Array | Int32Array> = {};
}

export class RunModel {
  readonly log: EventLog;
  readonly replay: Replay;
  readonly result: RunDone;
  readonly series: Series;
  readonly segments: Segment[][] = [];
  readonly byG = new Map<number, number[]>();
  readonly byM = new Map<number, number[]>();
  readonly byP = new Map<number, number[]>();
  readonly jumps: Record<JumpKind, Int32Array>;
  readonly maxThreads: number;
  readonly maxGoroutines: number;
  readonly endTime: number;

  constructor(done: RunDone) {
    this.result = done;
    this.log = EventLog.fromColumns(done.cols);
    // Checkpoints: about 100 per run (a step back replays at most one interval), at least 1024
    // events apart; each holds a copy of every G, so big runs space them out.
    this.replay = new Replay(this.log, Math.max(1024, Math.min(16384, Math.ceil(this.log.length / 100))));
    const { series, maxThreads, maxG } = this.scan();
    this.series = series;
    this.maxThreads = maxThreads;
    this.maxGoroutines = maxG;
    this.endTime = this.log.length ? this.log.t[this.log.length - 1]! : 0;
    this.jumps = this.indexJumps();
  }

  get length(): number {
    return this.log.length;
  }

  /** Event index of the first event at or after simulated time t. */
  indexAtTime(t: number): number {
    const tt = this.log.t;
    let lo = 0;
    let hi = this.log.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tt[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Number of events at or before simulated time t (the cursor that shows the state at t). */
  indexAfterTime(t: number): number {
    const tt = this.log.t;
    let lo = 0;
    let hi = this.log.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tt[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Last event of G g before cursor `at` (exclusive) with kind k, or −1. */
  lastOf(g: number, k: number, at: number): number {
    const list = this.byG.get(g);
    if (!list) return -1;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]! < at) lo = mid + 1;
      else hi = mid;
    }
    for (let j = lo - 1; j >= 0; j--) if (this.log.k[list[j]!] === k) return list[j]!;
    return -1;
  }

  private indexJumps(): Record<JumpKind, Int32Array> {
    const L = this.log;
    const lists: Record<JumpKind, number[]> = { handoff: [], retake: [], preempt: [], steal: [], netpoll: [], thread: [] };
    for (let i = 0; i < L.length; i++) {
      switch (L.k[i]) {
        case E.Handoff:
          lists.handoff.push(i);
          break;
        case E.Retake:
          lists.retake.push(i);
          break;
        case E.Preempted:
          lists.preempt.push(i);
          break;
        case E.Steal:
          lists.steal.push(i);
          break;
        case E.Netpoll:
          if (L.a[i]! > 0) lists.netpoll.push(i);
          break;
        case E.MCreate:
          lists.thread.push(i);
          break;
      }
    }
    const out = {} as Record<JumpKind, Int32Array>;
    for (const k of Object.keys(lists) as JumpKind[]) out[k] = Int32Array.from(lists[k]);
    return out;
  }

  /** Cursor position to stop at for a jump: just after the event, so the picture shows its effect. */
  nextOf(kind: JumpKind, cursor: number, dir: 1 | -1): number {
    const arr = this.jumps[kind];
    if (dir === 1) {
      for (let j = 0; j < arr.length; j++) if (arr[j]! + 1 > cursor) return arr[j]! + 1;
    } else {
      for (let j = arr.length - 1; j >= 0; j--) if (arr[j]! + 1 < cursor) return arr[j]! + 1;
    }
    return -1;
  }

  private scan(): { series: Series; maxThreads: number; maxG: number } {
    const L = this.log;
    const n = L.length;
    // per-G location and system flag; per-M state, P, G, spinning; per-P status and M
    const gLoc = new Map<number, number>();
    const gSys = new Set<number>();
    const mState: number[] = [];
    const mP: number[] = [];
    const mG: number[] = [];
    const mSpin: boolean[] = [];
    const pStatus: number[] = [];
    const pM: number[] = [];
    const pAct: Activity[] = [];
    const pG: number[] = [];
    const pSince: number[] = [];
    let threads = 0;
    let procs = 0;
    const cnt = { running: 0, runnable: 0, waiting: 0, syscall: 0, netpoll: 0 };
    const bucket = (loc: number | undefined): keyof typeof cnt | null => {
      switch (loc) {
        case undefined:
        case Loc.Dead:
          return null;
        case Loc.Running:
          return 'running';
        case Loc.Syscall:
          return 'syscall';
        case Loc.Waiting:
          return 'waiting';
        case Loc.Netpoll:
          return 'netpoll';
        default:
          return 'runnable';
      }
    };
    const cap = 1024;
    const grow = new Grow();
    const keys = ['t', 'i', 'threads', 'procs', 'running', 'runnable', 'waiting', 'syscall', 'netpoll'] as const;
    for (const k of keys) grow.cols[k] = k === 't' ? new Float64Array(cap) : new Int32Array(cap);
    let last = '';
    let maxThreads = 0;
    let maxG = 0;
    const push = (i: number, t: number): void => {
      const sig = `${threads},${procs},${cnt.running},${cnt.runnable},${cnt.waiting},${cnt.syscall},${cnt.netpoll}`;
      if (sig === last) return;
      last = sig;
      if (grow.n === grow.cols['t']!.length) {
        for (const k of keys) {
          const old = grow.cols[k]!;
          const x = k === 't' ? new Float64Array(old.length * 2) : new Int32Array(old.length * 2);
          x.set(old);
          grow.cols[k] = x;
        }
      }
      const j = grow.n++;
      grow.cols['t']![j] = t;
      grow.cols['i']![j] = i;
      grow.cols['threads']![j] = threads;
      grow.cols['procs']![j] = procs;
      grow.cols['running']![j] = cnt.running;
      grow.cols['runnable']![j] = cnt.runnable;
      grow.cols['waiting']![j] = cnt.waiting;
      grow.cols['syscall']![j] = cnt.syscall;
      grow.cols['netpoll']![j] = cnt.netpoll;
      maxThreads = Math.max(maxThreads, threads);
      maxG = Math.max(maxG, cnt.running + cnt.runnable + cnt.waiting + cnt.syscall + cnt.netpoll);
    };
    const add = (map: Map<number, number[]>, id: number, i: number): void => {
      if (id < 0) return;
      let l = map.get(id);
      if (!l) map.set(id, (l = []));
      if (l[l.length - 1] !== i) l.push(i);
    };
    const actOf = (p: number): [Activity, number] => {
      const st = pStatus[p] ?? 0;
      if (st === 4) return ['dead', -1];
      if (st === 0) return ['idle', -1];
      if (st === 2) return ['syscall', -1];
      if (st === 3) return ['gc', -1];
      const m = pM[p] ?? -1;
      if (m < 0) return ['sched', -1];
      if (mSpin[m]) return ['spin', -1];
      if (mState[m] === MS.Running && (mG[m] ?? -1) >= 0) return ['run', mG[m]!];
      return ['sched', -1];
    };
    const touchP = (p: number, t: number): void => {
      if (p < 0) return;
      const [act, g] = actOf(p);
      if (pAct[p] === act && pG[p] === g) return;
      if (pAct[p] !== undefined) {
        const segs = (this.segments[p] ??= []);
        if (t > pSince[p]!) segs.push({ t0: pSince[p]!, t1: t, act: pAct[p]!, g: pG[p]! });
      }
      pAct[p] = act;
      pG[p] = g;
      pSince[p] = t;
    };
    for (let i = 0; i < n; i++) {
      const k = L.k[i]!;
      const t = L.t[i]!;
      const g = L.g[i]!;
      const m = L.m[i]!;
      const p = L.p[i]!;
      const a = L.a[i]!;
      if (k !== E.SysmonTick && k !== E.Write) {
        add(this.byG, g, i);
        add(this.byM, m, i);
        add(this.byP, p, i);
      }
      switch (k) {
        case E.GoCreate:
          if (L.string(L.b[i]!).startsWith('runtime.')) gSys.add(g);
          gLoc.set(g, Loc.None);
          if (!gSys.has(g)) cnt.runnable++;
          break;
        case E.GLoc: {
          if (!gSys.has(g)) {
            const from = bucket(gLoc.get(g));
            const to = bucket(a);
            if (from) cnt[from]--;
            if (to) cnt[to]++;
          }
          gLoc.set(g, a);
          // Running/Syscall name the M in b; keep mG in step for the activity timeline.
          const bm = L.b[i]!;
          if (a === Loc.Running && bm >= 0) {
            mG[bm] = g;
            touchP(mP[bm] ?? -1, t);
          }
          break;
        }
        case E.MCreate:
          threads++;
          mState[m] = MS.Starting;
          mP[m] = p;
          break;
        case E.MState: {
          const oldP = mP[m] ?? -1;
          if (a === MS.Dead && mState[m] !== MS.Dead) threads--;
          mState[m] = a;
          mP[m] = p;
          mG[m] = g;
          if (oldP !== p) touchP(oldP, t);
          touchP(p, t);
          break;
        }
        case E.MSpin:
          mSpin[m] = a === 1;
          touchP(mP[m] ?? -1, t);
          break;
        case E.PState: {
          const oldM = pM[p] ?? -1;
          if (oldM !== m && oldM >= 0 && mP[oldM] === p) mP[oldM] = -1;
          if (m >= 0) mP[m] = p;
          pStatus[p] = a;
          pM[p] = m;
          if (p >= procs && a !== 4) procs = Math.max(procs, p + 1);
          touchP(p, t);
          break;
        }
        case E.Procs:
          procs = a;
          for (let q = a; q < pStatus.length; q++) {
            pStatus[q] = 4;
            touchP(q, t);
          }
          break;
      }
      push(i + 1, t);
    }
    const end = n ? L.t[n - 1]! : 0;
    for (let q = 0; q < pAct.length; q++) {
      if (pAct[q] !== undefined && end > pSince[q]!) (this.segments[q] ??= []).push({ t0: pSince[q]!, t1: end, act: pAct[q]!, g: pG[q]! });
    }
    const c = grow.cols;
    const series: Series = {
      n: grow.n,
      t: c['t'] as Float64Array,
      i: c['i'] as Int32Array,
      threads: c['threads'] as Int32Array,
      procs: c['procs'] as Int32Array,
      running: c['running'] as Int32Array,
      runnable: c['runnable'] as Int32Array,
      waiting: c['waiting'] as Int32Array,
      syscall: c['syscall'] as Int32Array,
      netpoll: c['netpoll'] as Int32Array,
    };
    return { series, maxThreads, maxG };
  }
}
