/**
 * What a parsed trace says about the program's own goroutines: the figures the "what if" replay is
 * judged on (docs/whatif.md), computed the same way for a real trace and for gmpsim's trace of the
 * replay, so both go through one reader and one set of rules.
 *
 * What it models:
 *  - which goroutines are the program's: those not started by the runtime or by runtime/trace
 *    (`isSystemFunc`: the outermost frame of every stack seen for the goroutine is in package runtime,
 *    runtime/trace or runtime/pprof — bgsweep, the finalizer goroutine, GC workers, the trace
 *    reader/writer goroutines that tracing itself adds, the CPU profile's writer). gmpsim simulates the runtime's goroutines itself, and the
 *    trace writer exists only because the program was traced;
 *  - syscalls: the program's goroutines' Running → Syscall transitions;
 *  - scheduling latency: the program's goroutines' Runnable → Running delays, p50/p99 (nearest rank,
 *    as tools/gotrace-read);
 *  - wall time: the trace's first to last event (the Sync events excluded).
 */
import { EvSync, type GoTrace } from './reader.js';
import { Ev } from './tracev2.js';

/**
 * Functions of the runtime's own goroutines (and those of runtime/trace and runtime/pprof: the tracer's
 * and the CPU profiler's writers, unless `keepTracing`: then they count as the program's, as they are
 * when a replay is compared with runs that were traced too — and so do the tracer's two goroutines
 * inside the runtime, tracerSleepPeriod's).
 */
export function isSystemFunc(fn: string, keepTracing = false): boolean {
  if (keepTracing && tracerSleepPeriod.has(fn)) return false;
  return fn.startsWith('runtime.') || (!keepTracing && (fn.startsWith('runtime/trace.') || fn.startsWith('runtime/pprof.')));
}

/**
 * runtime/trace's two goroutines inside the runtime, and the period of the runtime timer each sleeps on
 * (runtime.(*wakeableSleep).sleep: s.timer.reset(nanotime()+ns)) between its rounds: the CPU sample
 * reader (go1.26 tracecpu.go traceStartReadCPU: trace.cpuSleep.sleep(100_000_000), started when the
 * CPU profiler runs) and the generation advancer (trace.go traceAdvancerState.start:
 * s.timer.sleep(debug.traceadvanceperiod), defaultTraceAdvancePeriod = 1e9). Their timers are pending
 * for as long as the trace runs; with `keepTracing` they are replayed (reconstruct.ts).
 */
export const tracerSleepPeriod: ReadonlyMap<string, number> = new Map([
  ['runtime.traceStartReadCPU.func1', 100_000_000],
  ['runtime.(*traceAdvancerState).start.func1', 1_000_000_000],
]);

/** Event types whose stack argument (index into args) belongs to the goroutine the event is about. */
const stackOf: Record<number, number> = {
  [Ev.GoCreate]: 1,
  [Ev.GoCreateBlocked]: 1,
  [Ev.GoStatusStack]: 3,
  [Ev.GoBlock]: 1,
  [Ev.GoStop]: 1,
  [Ev.GoSyscallBegin]: 1,
};

/**
 * The program's goroutines: every goroutine with a stack whose outermost frame is not the runtime's.
 * A goroutine never seen with a stack (stated at the trace's start and never blocked) counts as the
 * program's only if it is goroutine 1 (main).
 */
export function userGoroutines(t: GoTrace, keepTracing = false): Set<number> {
  const seen = new Map<number, boolean>();
  const gens = new Map(t.generations.map((g) => [g.gen, g]));
  for (const e of t.events) {
    if (e.tr === undefined || e.tr.resource !== 'goroutine') continue;
    const id = e.tr.id;
    const i = stackOf[e.type];
    if (!seen.has(id)) seen.set(id, false);
    if (i === undefined) continue;
    const frames = gens.get(e.gen)?.stacks.get(e.args[i]!);
    if (frames === undefined || frames.length === 0) continue;
    // GoCreate's new stack is the goroutine's entry; the others are where it is (outermost last).
    const outer = frames[frames.length - 1]!.fn;
    if (!isSystemFunc(outer, keepTracing)) seen.set(id, true);
    else if (e.type === Ev.GoCreate || e.type === Ev.GoCreateBlocked) seen.set(id, seen.get(id) === true);
  }
  const out = new Set<number>();
  for (const [id, user] of seen) if (user || id === 1) out.add(id);
  return out;
}

export interface Percentiles {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles (tools/gotrace-read's rule). */
export function percentiles(xs: number[]): Percentiles {
  if (xs.length === 0) return { n: 0, p50: 0, p99: 0, max: 0 };
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.floor(q * (s.length - 1) + 0.5)]!;
  return { n: s.length, p50: at(0.5), p99: at(0.99), max: s[s.length - 1]! };
}

export interface TraceMetrics {
  /** First to last event, ns. */
  wallNs: number;
  goroutines: number;
  syscalls: number;
  /** Runnable → Running of the program's goroutines, ns. */
  latency: Percentiles;
  /** Threads (Ms) with events. */
  threadsWithEvents: number;
}

/** The figures of trace `t`, counting only events at or after `fromNs` (a replay's trace window). */
export function traceMetrics(t: GoTrace, fromNs = 0): TraceMetrics {
  const user = userGoroutines(t);
  const since = new Map<number, number>();
  const lat: number[] = [];
  const threads = new Set<number>();
  let syscalls = 0;
  let first = -1;
  let last = 0;
  for (const e of t.events) {
    if (e.type === EvSync || e.time < fromNs) continue;
    if (first < 0) first = e.time;
    last = e.time;
    if (e.m !== -1) threads.add(e.m);
    const tr = e.tr;
    if (tr === undefined || tr.resource !== 'goroutine' || !user.has(tr.id)) continue;
    if (tr.from === 'Running' && tr.to === 'Syscall') syscalls++;
    if (tr.from === 'Runnable' && tr.to === 'Running' && since.has(tr.id)) lat.push(e.time - since.get(tr.id)!);
    since.set(tr.id, e.time);
  }
  return { wallNs: first < 0 ? 0 : last - first, goroutines: user.size, syscalls, latency: percentiles(lat), threadsWithEvents: threads.size };
}
