/**
 * The page-side model of one finished run: the event log rebuilt from the worker's columns, a
 * Replay positioned at the time cursor, and what the charts and the inspector need, computed in one
 * pass over the log (never by asking the engine):
 *  - series: threads / GOMAXPROCS / goroutines by state at every change point;
 *  - per-P activity segments (running G, syscall, idle, spinning, scheduling), per-M activity
 *    segments (mActivity: running, syscall, idle, spinning, netpoll, sysmon) for the timeline, and
 *    per-G segments on demand (gSegments, from the G's own moves);
 *  - per-G / per-M / per-P event indices (click-for-history, sleep-timer owner);
 *  - per-kind event indices (jump to the next handoff, retake…).
 *
 * The pass drives a Replay of its own and reads the series from its `counts()` and the segments
 * from `pActivity` (src/log/replay.ts), like every other view: the page keeps no mirror of G, M or
 * P state. (It used to keep one, with its own rules for G buckets, M.p and thread counts; replaying
 * the gallery gives the same series and segments both ways.)
 */
import { EventLog, E, Loc, MS } from '../../src/index.js';
import { Replay, pActivity, type MView, type PActivity } from '../../src/log/replay.js';
import type { RunDone } from './protocol';

export type Activity = PActivity;

export interface Segment {
  t0: number;
  t1: number;
  act: Activity;
  g: number;
}

/** What an M is doing, for the timeline's per-M tracks (from its MState, spinning flag and G). */
export type MActivity = 'run' | 'syscall' | 'idle' | 'spin' | 'sched' | 'netpoll' | 'sysmon' | 'start' | 'other';

export interface MSegment {
  t0: number;
  t1: number;
  act: MActivity;
  g: number;
}

/** What a goroutine is doing, for an on-demand G track (from its GLoc moves). */
export type GActivity = 'runnable' | 'running' | 'syscall' | 'waiting' | 'netpoll';

export interface GSegment {
  t0: number;
  t1: number;
  act: GActivity;
  /** The P (runnable) or M (running, syscall) it was on; −1 none. */
  where: number;
  /** Wait reason (waiting). */
  reason: string;
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
  /** Per M: its activity over time (the timeline's M tracks). */
  readonly mSegments: MSegment[][] = [];
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

  /**
   * G g's states over time from its moves (GLoc events): runnable from creation or a move to a
   * queue until it runs; running / in a syscall on an M; parked (with the reason) or on the
   * netpoller; nothing once dead. Computed on demand (the timeline's G tracks).
   */
  gSegments(g: number): GSegment[] {
    const L = this.log;
    const out: GSegment[] = [];
    let cur: GSegment | null = null;
    const close = (t: number): void => {
      if (cur && t > cur.t0) out.push({ ...cur, t1: t });
      cur = null;
    };
    for (const i of this.byG.get(g) ?? []) {
      const k = L.k[i]!;
      if (L.g[i] !== g) continue;
      const t = L.t[i]!;
      if (k === E.GoCreate) {
        close(t);
        cur = { t0: t, t1: t, act: 'runnable', where: L.p[i]!, reason: '' };
      } else if (k === E.GLoc) {
        const a = L.a[i]!;
        const b = L.b[i]!;
        let next: GSegment | null = null;
        if (a === Loc.Running) next = { t0: t, t1: t, act: 'running', where: b, reason: '' };
        else if (a === Loc.Syscall) next = { t0: t, t1: t, act: 'syscall', where: b, reason: '' };
        else if (a === Loc.Waiting) next = { t0: t, t1: t, act: 'waiting', where: -1, reason: L.string(b) };
        else if (a === Loc.Netpoll) next = { t0: t, t1: t, act: 'netpoll', where: -1, reason: 'IO wait' };
        else if (a !== Loc.Dead) next = { t0: t, t1: t, act: 'runnable', where: a === Loc.Runnext || a === Loc.Runq ? b : -1, reason: '' };
        // Same state again (runnext → runq, a kick between queues): one runnable stretch.
        const prev = cur as GSegment | null;
        if (prev && next && prev.act === next.act && next.act === 'runnable') continue;
        close(t);
        cur = next;
      }
    }
    close(this.endTime);
    return out;
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

  /**
   * Where a finished run opens: just after the instant of its first scheduler decision worth a
   * look (the first retake, preemption or netpoll wake, else the first handoff or steal, with the
   * rest of its instant applied), else the first moment the most goroutines are alive. Never event 0, where
   * nothing exists yet.
   */
  firstScene(): number {
    const L = this.log;
    // The story-telling decisions first (sysmon taking a P, a preemption, the netpoller waking a
    // G); a handoff or steal (the runtime's own goroutines shuffled at start-up) only without them.
    const earliest = (kinds: readonly JumpKind[]): number => {
      let at = L.length;
      for (const k of kinds) if (this.jumps[k].length) at = Math.min(at, this.jumps[k][0]!);
      return at;
    };
    let first = earliest(['retake', 'preempt', 'netpoll']);
    if (first === L.length) first = earliest(['handoff', 'steal']);
    if (first < L.length) {
      let end = first;
      while (end + 1 < L.length && L.t[end + 1] === L.t[first]) end++;
      return end + 1;
    }
    const s = this.series;
    let best = -1;
    let at = L.length;
    for (let j = 0; j < s.n; j++) {
      const live = s.running[j]! + s.runnable[j]! + s.waiting[j]! + s.syscall[j]! + s.netpoll[j]!;
      if (live > best) {
        best = live;
        at = s.i[j]!;
      }
    }
    return at;
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

  /**
   * One pass over the log with a Replay of its own (checkpoints off: this pass never seeks back,
   * and the model's replay builds its checkpoints only where the user goes), reading the series
   * from `counts()` after every event and the P timelines from `pActivity`. The event indices
   * (byG/byM/byP) are filled in the same pass.
   */
  private scan(): { series: Series; maxThreads: number; maxG: number } {
    const L = this.log;
    const n = L.length;
    const r = new Replay(L, n + 1);
    // Per P: the activity (and running G) of the segment in progress, since when.
    const pAct: (Activity | undefined)[] = [];
    const pG: number[] = [];
    const pSince: number[] = [];
    const cap = 1024;
    const grow = new Grow();
    const keys = ['t', 'i', 'threads', 'procs', 'running', 'runnable', 'waiting', 'syscall', 'netpoll'] as const;
    for (const k of keys) grow.cols[k] = k === 't' ? new Float64Array(cap) : new Int32Array(cap);
    let maxThreads = 0;
    let maxG = 0;
    // A row when any value differs from the previous row's.
    const push = (i: number, t: number): void => {
      const c = r.counts();
      const cc = grow.cols;
      const j0 = grow.n - 1;
      if (
        j0 >= 0 &&
        cc['threads']![j0] === c.threads &&
        cc['procs']![j0] === c.gomaxprocs &&
        cc['running']![j0] === c.running &&
        cc['runnable']![j0] === c.runnable &&
        cc['waiting']![j0] === c.waiting &&
        cc['syscall']![j0] === c.syscall &&
        cc['netpoll']![j0] === c.netpoll
      )
        return;
      if (grow.n === cc['t']!.length) {
        for (const k of keys) {
          const old = cc[k]!;
          const x = k === 't' ? new Float64Array(old.length * 2) : new Int32Array(old.length * 2);
          x.set(old);
          cc[k] = x;
        }
      }
      const j = grow.n++;
      cc['t']![j] = t;
      cc['i']![j] = i;
      cc['threads']![j] = c.threads;
      cc['procs']![j] = c.gomaxprocs;
      cc['running']![j] = c.running;
      cc['runnable']![j] = c.runnable;
      cc['waiting']![j] = c.waiting;
      cc['syscall']![j] = c.syscall;
      cc['netpoll']![j] = c.netpoll;
      maxThreads = Math.max(maxThreads, c.threads);
      maxG = Math.max(maxG, c.running + c.runnable + c.waiting + c.syscall + c.netpoll);
    };
    const add = (map: Map<number, number[]>, id: number, i: number): void => {
      if (id < 0) return;
      let l = map.get(id);
      if (!l) map.set(id, (l = []));
      if (l[l.length - 1] !== i) l.push(i);
    };
    // Reclassify P p at time t: a change closes its segment in progress (unless it lasted no time).
    const touchP = (p: number, t: number): void => {
      if (p < 0) return;
      const { act, g } = pActivity(r.ps[p], r.ms);
      if (pAct[p] === act && pG[p] === g) return;
      if (pAct[p] !== undefined) {
        const segs = (this.segments[p] ??= []);
        if (t > pSince[p]!) segs.push({ t0: pSince[p]!, t1: t, act: pAct[p]!, g: pG[p]! });
      }
      pAct[p] = act;
      pG[p] = g;
      pSince[p] = t;
    };
    // The P an M holds (−1: none, or no such M).
    const pOf = (m: number): number => (m >= 0 ? r.ms[m]?.p ?? -1 : -1);
    // Per M: the activity (and G) of the segment in progress, since when.
    const mAct: (MActivity | undefined)[] = [];
    const mG: number[] = [];
    const mSince: number[] = [];
    const touchM = (id: number, t: number): void => {
      const mm = id >= 0 ? r.ms[id] : undefined;
      if (!mm) return;
      const { act, g } = mActivity(mm);
      if (mAct[id] === act && mG[id] === g) return;
      if (mAct[id] !== undefined && t > mSince[id]!) (this.mSegments[id] ??= []).push({ t0: mSince[id]!, t1: t, act: mAct[id]!, g: mG[id]! });
      mAct[id] = act;
      mG[id] = g;
      mSince[id] = t;
    };
    for (let i = 0; i < n; i++) {
      const k = L.k[i]!;
      const t = L.t[i]!;
      const g = L.g[i]!;
      const m = L.m[i]!;
      const p = L.p[i]!;
      if (k !== E.SysmonTick && k !== E.Write) {
        add(this.byG, g, i);
        add(this.byM, m, i);
        add(this.byP, p, i);
      }
      if (k >= E.NewProc) {
        // decisions and annotations: no state of their own (Execute's schedtick is no activity)
        r.step();
        push(i + 1, t);
        continue;
      }
      // The Ps this event may reclassify: a P's activity reads its status and owner M (the P it
      // names) and that M's state, spinning flag and G. Replay keeps P.m → M.p in step, so the Ps
      // of the Ms it names, before and after, cover the rest: the event's M, and for a G's move,
      // the M it leaves and the M it joins.
      const pm0 = pOf(m);
      let leaves = -1;
      if (k === E.GLoc) {
        const gv = r.gs.get(g);
        if (gv && (gv.loc === Loc.Running || gv.loc === Loc.Syscall)) leaves = pOf(gv.where);
      }
      const before = r.ps.length;
      const mLeft = k === E.GLoc ? r.gs.get(g) : undefined;
      const mLeaves = mLeft && (mLeft.loc === Loc.Running || mLeft.loc === Loc.Syscall) ? mLeft.where : -1;
      r.step();
      touchM(m, t);
      if (k === E.GLoc) {
        touchM(mLeaves, t);
        if (L.a[i] === Loc.Running || L.a[i] === Loc.Syscall) touchM(L.b[i]!, t);
      }
      touchP(p, t);
      touchP(pm0, t);
      touchP(pOf(m), t);
      if (k === E.GLoc) {
        touchP(leaves, t);
        const a = L.a[i]!;
        if (a === Loc.Running || a === Loc.Syscall) touchP(pOf(L.b[i]!), t);
      } else if (k === E.Procs) {
        for (let q = 0; q < Math.max(before, r.ps.length, pAct.length); q++) touchP(q, t);
      }
      push(i + 1, t);
    }
    const end = n ? L.t[n - 1]! : 0;
    for (let q = 0; q < mAct.length; q++) {
      if (mAct[q] !== undefined && end > mSince[q]!) (this.mSegments[q] ??= []).push({ t0: mSince[q]!, t1: end, act: mAct[q]!, g: mG[q]! });
    }
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

/** What M `mm` is doing (the timeline's M tracks): its MState, with spinning and its G. */
export function mActivity(mm: MView): { act: MActivity; g: number } {
  if (mm.dead) return { act: 'other', g: -1 };
  if (mm.spinning) return { act: 'spin', g: -1 };
  switch (mm.state) {
    case MS.Running:
      return mm.g >= 0 ? { act: 'run', g: mm.g } : { act: 'sched', g: -1 };
    case MS.Syscall:
      return { act: 'syscall', g: mm.g };
    case MS.Idle:
    case MS.LockedIdle:
    case MS.Template:
      return { act: 'idle', g: -1 };
    case MS.Scheduling:
    case MS.Waking:
      return { act: 'sched', g: -1 };
    case MS.Netpoll:
      return { act: 'netpoll', g: -1 };
    case MS.Sysmon:
    case MS.SysmonSleep:
      return { act: 'sysmon', g: -1 };
    case MS.Starting:
      return { act: 'start', g: -1 };
    default:
      return { act: 'other', g: -1 };
  }
}
