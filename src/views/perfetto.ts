/**
 * A run as a Chrome trace-event JSON file (the "JSON Trace Event Format" that Perfetto, ui.perfetto.dev
 * and chrome://tracing open): the scheduler's timeline in a viewer Go engineers already know.
 *
 * What it holds, all read from the event log through a Replay (no scheduler state of its own):
 *  - process "Ps": a track per P, one slice per stretch of the same activity (pActivity: running G n,
 *    syscall, spinning, scheduling, GC stop; nothing while idle);
 *  - process "Threads (Ms)": a track per M, one slice per M state (running G n, syscall, netpoll,
 *    spinning, sysmon's loop and sleeps…; nothing while parked);
 *  - process "Goroutines": a track per goroutine, one slice per state (running, runnable with its
 *    queue, waiting with Go's wait reason, syscall);
 *  - process "Scheduler": counters — threads (idle, spinning), goroutines by state, idle Ps, the global
 *    run queue and each P's local run queue;
 *  - flow arrows: handoffp (the M that hands a P off → the M that gets it), goroutine wake-ups (the
 *    readier G → the readied G), steals (victim P → thief P), netpoll wake-ups (the polling M → each
 *    goroutine it made runnable);
 *  - instant events: sysmon's retakes and preemptions and every handoff, named with the sentence the
 *    web app's why-panel shows (explain.ts).
 * Times are simulated time: `ts`/`dur` in µs (fractions keep the nanoseconds), displayTimeUnit "ns".
 *
 * Streaming: events go to `sink` in chunks of about 64 KiB as the replay advances, so the JSON text of
 * a multi-million-event run is never in memory at once (the log is, once).
 *
 * Invariants (test/views/perfetto.test.ts): slices on one track never overlap; every flow start has
 * its finish; the goroutine, thread and syscall counts equal the log's.
 */
import { E, Loc, MS, type EventLog } from '../log/events.js';
import { GStatus, Replay, pActivity, type GView, type MView, type PActivity } from '../log/replay.js';
import { describeEvent } from './explain.js';

/** Trace-event process ids (one "process" per kind of track). */
const PID = { Ps: 1, Threads: 2, Goroutines: 3, Scheduler: 4 } as const;

/** Flush to the sink once this many characters are buffered. */
const CHUNK = 1 << 16;

export interface PerfettoStats {
  /** Trace events written (metadata included). */
  events: number;
  /** Slices (complete events) per kind of track. */
  pSlices: number;
  mSlices: number;
  gSlices: number;
  flows: number;
  /** Instant events (sysmon's decisions, handoffs). */
  instants: number;
}

/** An open slice on one track. */
interface Open {
  name: string;
  start: number;
  args: string;
  /** Flow arrows that start inside this slice (see Flow). */
  flows: Flow[] | null;
}

/**
 * A flow arrow. A viewer binds its start to the slice around it on the source track and its end to the
 * slice around or after it on the target track, and drops (with a warning) an arrow with no such slice.
 * So an arrow is written only once both slices have been written with a positive duration; one that
 * never finds them (the run ended first) is not written.
 */
interface Flow {
  id: number;
  name: string;
  from: readonly [number, number];
  to: readonly [number, number];
  t: number;
  /** Its source slice was written. */
  sourceOk: boolean;
  /** Its target slice was written; whether that slice encloses t (else it begins after t). */
  targetOk: boolean;
  targetEncloses: boolean;
}

const us = (ns: number): string => {
  // µs with the nanoseconds kept, without float noise (1234567 ns → "1234.567").
  const whole = Math.trunc(ns / 1000);
  const frac = Math.round(ns - whole * 1000);
  return frac === 0 ? String(whole) : `${whole}.${String(frac).padStart(3, '0').replace(/0+$/, '')}`;
};

const q = (s: string): string => JSON.stringify(s);

const pSliceName: Record<PActivity, string | null> = { run: null, syscall: 'syscall', idle: null, spin: 'spinning', sched: 'schedule', gc: 'GC stop', dead: null };

/** Write `log` as trace-event JSON to `sink`. `title` names the run in the viewer. */
export function writePerfetto(log: EventLog, sink: (chunk: string) => void, title = 'gmpsim'): PerfettoStats {
  const stats: PerfettoStats = { events: 0, pSlices: 0, mSlices: 0, gSlices: 0, flows: 0, instants: 0 };
  let buf = '{"displayTimeUnit":"ns","otherData":{"generator":"gmpsim","title":' + q(title) + '},"traceEvents":[\n';
  let first = true;
  const emit = (json: string): void => {
    buf += first ? json : ',\n' + json;
    first = false;
    stats.events++;
    if (buf.length >= CHUNK) {
      sink(buf);
      buf = '';
    }
  };
  const meta = (pid: number, tid: number, what: 'process_name' | 'thread_name', name: string, sort: number): void => {
    emit(`{"ph":"M","pid":${pid},"tid":${tid},"name":"${what}","args":{"name":${q(name)}}}`);
    emit(`{"ph":"M","pid":${pid},"tid":${tid},"name":"${what === 'process_name' ? 'process_sort_index' : 'thread_sort_index'}","args":{"sort_index":${sort}}}`);
  };
  meta(PID.Ps, 0, 'process_name', 'Ps', 1);
  meta(PID.Threads, 0, 'process_name', 'Threads (Ms)', 2);
  meta(PID.Goroutines, 0, 'process_name', 'Goroutines', 3);
  meta(PID.Scheduler, 0, 'process_name', 'Scheduler', 0);

  const rp = new Replay(log, Number.MAX_SAFE_INTEGER);
  const openP: (Open | null)[] = [];
  const openM: (Open | null)[] = [];
  const openG = new Map<number, Open>();
  const namedP = new Set<number>();
  const namedM = new Set<number>();

  /** Arrows waiting for a slice on their target track, by track ("pid/tid"). */
  const awaiting = new Map<string, Flow[]>();
  const writeFlow = (f: Flow): void => {
    if (!f.sourceOk || !f.targetOk) return;
    emit(`{"ph":"s","cat":"flow","name":${q(f.name)},"id":${f.id},"pid":${f.from[0]},"tid":${f.from[1]},"ts":${us(f.t)},"bp":"e"}`);
    emit(`{"ph":"f","cat":"flow","name":${q(f.name)},"id":${f.id},"pid":${f.to[0]},"tid":${f.to[1]},"ts":${us(f.t)}${f.targetEncloses ? ',"bp":"e"' : ''}}`);
    stats.flows++;
  };
  const slice = (pid: number, tid: number, o: Open, end: number): void => {
    emit(`{"ph":"X","pid":${pid},"tid":${tid},"ts":${us(o.start)},"dur":${us(end - o.start)},"name":${q(o.name)}${o.args}}`);
    if (o.flows !== null) {
      for (const f of o.flows) {
        f.sourceOk = true;
        writeFlow(f);
      }
    }
    if (awaiting.size > 0) {
      const key = `${pid}/${tid}`;
      const list = awaiting.get(key);
      if (list !== undefined) {
        // Slices are written in time order per track: this one ends after t, so it is the one around t or the next.
        let kept = 0;
        for (const f of list) {
          if (end > f.t) {
            f.targetOk = true;
            f.targetEncloses = o.start <= f.t;
            writeFlow(f);
          } else list[kept++] = f;
        }
        list.length = kept;
        if (kept === 0) awaiting.delete(key);
      }
    }
  };
  /** Move track (pid, tid) to slice `name` (null: nothing) at time t, closing the open one. */
  const track = (opens: (Open | null)[] | Map<number, Open>, pid: number, tid: number, name: string | null, args: string, t: number): boolean => {
    const cur = opens instanceof Map ? opens.get(tid) ?? null : opens[tid] ?? null;
    if (cur !== null && cur.name === name && cur.args === args) return false;
    if (cur !== null && t > cur.start) slice(pid, tid, cur, t);
    const next: Open | null = name === null ? null : { name, start: t, args, flows: null };
    // An empty slice (begun and ended at t) is not written: arrows starting in it start in the next one.
    if (cur !== null && t === cur.start && next !== null) next.flows = cur.flows;
    if (opens instanceof Map) {
      if (next === null) opens.delete(tid);
      else opens.set(tid, next);
    } else opens[tid] = next;
    return cur !== null && t > cur.start;
  };

  const gLabel = (goid: number): string => {
    const gv = rp.gs.get(goid);
    return gv ? `G${goid} ${gv.name}` : `G${goid}`;
  };

  /** The M that last held each P: where a handoff of that P comes from (the M that is in the syscall). */
  const lastM: number[] = [];
  const pState = (id: number, t: number): void => {
    const pp = rp.ps[id];
    if (pp !== undefined && pp.m >= 0) lastM[id] = pp.m;
    if (pp !== undefined && !namedP.has(id)) {
      namedP.add(id);
      meta(PID.Ps, id, 'thread_name', `P${id}`, id);
    }
    const { act, g } = pActivity(pp, rp.ms);
    const name = act === 'run' ? gLabel(g) : pSliceName[act];
    if (track(openP, PID.Ps, id, name, act === 'run' ? `,"args":{"goroutine":${g},"m":${pp?.m ?? -1}}` : '', t)) stats.pSlices++;
  };

  const mName = (mv: MView): string | null => {
    if (mv.dead) return null;
    if (mv.spinning) return 'spinning';
    switch (mv.state) {
      case MS.Starting:
        return 'clone (starting)';
      case MS.Scheduling:
        return 'schedule';
      case MS.Running:
        return mv.g >= 0 ? gLabel(mv.g) : 'running';
      case MS.Syscall:
        return mv.g >= 0 ? `syscall (G${mv.g})` : 'syscall';
      case MS.Netpoll:
        return 'netpoll (epoll_wait)';
      case MS.Waking:
        return 'waking';
      case MS.Sysmon:
        return 'sysmon loop';
      case MS.SysmonSleep:
        return mv.extra < 0 ? 'sysmon deep sleep' : 'sysmon usleep';
      default:
        return null; // parked: Idle, LockedIdle, Template, Dead
    }
  };
  /** sysmon's M (the thread whose track gets its decisions), known once it has run its loop. */
  let sysmonM = -1;
  const mState = (id: number, t: number): void => {
    const mv = rp.ms[id];
    if (mv === undefined) return;
    if (mv.state === MS.Sysmon || mv.state === MS.SysmonSleep) sysmonM = id;
    if (!namedM.has(id)) {
      namedM.add(id);
      meta(PID.Threads, id, 'thread_name', mv.sys ? `M${id} (system)` : `M${id}`, id);
    }
    const args = mv.p >= 0 ? `,"args":{"p":${mv.p}}` : '';
    if (track(openM, PID.Threads, id, mName(mv), args, t)) stats.mSlices++;
    if (mv.p >= 0) pState(mv.p, t);
  };

  const gName = (gv: GView): string | null => {
    switch (gv.status) {
      case GStatus.Running:
        return 'running';
      case GStatus.Runnable:
        return gv.loc === Loc.Runnext ? 'runnable (runnext)' : gv.loc === Loc.Global ? 'runnable (global queue)' : 'runnable';
      case GStatus.Syscall:
        return 'syscall';
      case GStatus.Waiting:
        return gv.loc === Loc.Netpoll ? 'waiting: IO wait (netpoller)' : `waiting: ${gv.reason || 'parked'}`;
      default:
        return null;
    }
  };
  const gState = (goid: number, t: number): void => {
    const gv = rp.gs.get(goid);
    if (gv === undefined) return;
    const args = gv.where >= 0 ? `,"args":{"${gv.status === GStatus.Running || gv.status === GStatus.Syscall ? 'm' : 'p'}":${gv.where}}` : '';
    if (track(openG, PID.Goroutines, goid, gName(gv), args, t)) stats.gSlices++;
  };

  // ---- counters, written when they change, once per instant
  let lastCounters = '';
  let lastRunq = '';
  let counterT = -1;
  const counters = (t: number): void => {
    const c = rp.counts();
    const now = `${c.threads},${c.idlethreads},${c.spinningthreads},${c.running},${c.runnable},${c.waiting},${c.syscall},${c.netpoll},${c.idleprocs},${c.runqueue}`;
    let runq = '';
    for (const pp of rp.ps) if (pp !== undefined && !pp.dead) runq += `${runq === '' ? '' : ','}"P${pp.id}":${pp.runq.length + (pp.runnext >= 0 ? 1 : 0)}`;
    if (now === lastCounters && runq === lastRunq) return;
    const ts = us(t);
    if (now !== lastCounters) {
      lastCounters = now;
      emit(`{"ph":"C","pid":${PID.Scheduler},"tid":0,"ts":${ts},"name":"threads","args":{"running or in syscall":${c.threads - c.idlethreads - c.spinningthreads},"spinning":${c.spinningthreads},"idle":${c.idlethreads}}}`);
      emit(`{"ph":"C","pid":${PID.Scheduler},"tid":0,"ts":${ts},"name":"goroutines","args":{"running":${c.running},"runnable":${c.runnable},"syscall":${c.syscall},"waiting":${c.waiting},"netpoll":${c.netpoll}}}`);
      emit(`{"ph":"C","pid":${PID.Scheduler},"tid":0,"ts":${ts},"name":"idle Ps","args":{"idle":${c.idleprocs}}}`);
      emit(`{"ph":"C","pid":${PID.Scheduler},"tid":0,"ts":${ts},"name":"global run queue","args":{"length":${c.runqueue}}}`);
    }
    if (runq !== lastRunq) {
      lastRunq = runq;
      emit(`{"ph":"C","pid":${PID.Scheduler},"tid":0,"ts":${ts},"name":"local run queues (runnext included)","args":{${runq}}}`);
    }
    counterT = t;
  };

  // ---- flows and instants
  let flowId = 0;
  const openOn = (pid: number, tid: number): Open | null => {
    const o = pid === PID.Ps ? openP[tid] : pid === PID.Threads ? openM[tid] : openG.get(tid);
    return o ?? null;
  };
  /**
   * An arrow from track `from` to track `to` at t. It starts in the slice open on `from` (bp "e": the
   * enclosing slice) and ends at the next slice on `to`. A track with nothing open at t (an idle P
   * stolen from while its M is between owners) has no slice to start from: no arrow.
   */
  const flow = (name: string, from: [number, number], to: [number, number], t: number): void => {
    const o = openOn(from[0], from[1]);
    if (o === null) return;
    const f: Flow = { id: ++flowId, name, from, to, t, sourceOk: false, targetOk: false, targetEncloses: false };
    (o.flows ??= []).push(f);
    const key = `${to[0]}/${to[1]}`;
    const list = awaiting.get(key);
    if (list === undefined) awaiting.set(key, [f]);
    else list.push(f);
  };
  const instant = (pid: number, tid: number, t: number, name: string): void => {
    emit(`{"ph":"i","s":"t","pid":${pid},"tid":${tid},"ts":${us(t)},"name":${q(name)}}`);
    stats.instants++;
  };

  /** A handoff's decision is logged before the StartM that names the M getting the P. */
  let pendingHandoff: { m: number; t: number } | null = null;
  /** The M whose netpoll last returned goroutines: a G leaving IO wait after that was made ready by it. */
  let pollingM = -1;

  const n = log.length;
  for (let i = 0; i < n; i++) {
    const t = log.t[i]!;
    const k = log.k[i]!;
    const g = log.g[i]!;
    const m = log.m[i]!;
    const p = log.p[i]!;
    const a = log.a[i]!;
    if (t !== counterT && i > 0) counters(log.t[i - 1]!);
    // Before the event: decisions whose arrows start on the state before it.
    switch (k) {
      case E.Handoff: {
        // handoffp(p) runs on whichever M gives the P up (sysmon's retake, entersyscallblock…); the
        // arrow starts at the thread that held the P last, the one still in its syscall.
        const from = p >= 0 ? lastM[p] ?? -1 : -1;
        pendingHandoff = { m: from, t };
        if (from >= 0) instant(PID.Threads, from, t, describeEvent(log, i));
        break;
      }
      case E.Retake:
      case E.Preempt:
        if (m >= 0) instant(PID.Threads, sysmonM >= 0 ? sysmonM : m, t, describeEvent(log, i));
        break;
      case E.Ready:
        if (a >= 0 && g >= 0 && rp.gs.has(a)) flow('wakes', [PID.Goroutines, a], [PID.Goroutines, g], t);
        break;
      case E.Steal:
        if (p >= 0 && a >= 0) flow('steal', [PID.Ps, p], [PID.Ps, a], t);
        break;
      case E.Netpoll:
        if (a > 0) pollingM = m;
        break;
      case E.GLoc:
        if (pollingM >= 0 && a !== Loc.Netpoll && rp.gs.get(g)?.loc === Loc.Netpoll) flow('netpoll ready', [PID.Threads, pollingM], [PID.Goroutines, g], t);
        break;
      case E.StartM:
        if (pendingHandoff !== null && m >= 0 && pendingHandoff.m >= 0 && pendingHandoff.m !== m) flow('handoffp', [PID.Threads, pendingHandoff.m], [PID.Threads, m], t);
        pendingHandoff = null;
        break;
      default:
        break;
    }
    rp.step();
    // After the event: the tracks it may have changed.
    switch (k) {
      case E.GoCreate:
        if (g >= 0) meta(PID.Goroutines, g, 'thread_name', gLabel(g), g);
        if (g >= 0) gState(g, t);
        break;
      case E.GLoc:
        if (g >= 0) gState(g, t);
        if (p >= 0) pState(p, t);
        break;
      case E.PState:
        if (p >= 0) pState(p, t);
        break;
      case E.MState:
      case E.MCreate:
      case E.MSpin:
        if (m >= 0) mState(m, t);
        if (p >= 0) pState(p, t);
        break;
      case E.Procs:
        for (let id = 0; id < Math.max(rp.ps.length, openP.length); id++) pState(id, t);
        break;
      default:
        break;
    }
  }
  const end = n > 0 ? log.t[n - 1]! : 0;
  counters(end);
  // Close what is still open at the end of the run.
  for (let id = 0; id < openP.length; id++) {
    const o = openP[id];
    if (o && end > o.start) {
      slice(PID.Ps, id, o, end);
      stats.pSlices++;
    }
  }
  for (let id = 0; id < openM.length; id++) {
    const o = openM[id];
    if (o && end > o.start) {
      slice(PID.Threads, id, o, end);
      stats.mSlices++;
    }
  }
  for (const [goid, o] of openG) {
    if (end > o.start) {
      slice(PID.Goroutines, goid, o, end);
      stats.gSlices++;
    }
  }
  sink(buf + '\n]}\n');
  return stats;
}

/** The whole trace as one string (tests, small runs). */
export function perfettoJSON(log: EventLog, title?: string): string {
  const parts: string[] = [];
  writePerfetto(log, (s) => parts.push(s), title);
  return parts.join('');
}
