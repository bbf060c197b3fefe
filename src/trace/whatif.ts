/**
 * "What if": a real program's trace replayed under other settings, and the figures that compare the
 * replay with the traced run. Shared by the CLI (`gmpsim replay`), docs/whatif.md's generator and the
 * web app; no Node API.
 *
 * What it models: the replay's own figures are read from gmpsim's go1.26-format trace of the replay
 * (views/gotrace.ts) with the same reader and rules as the real trace's (metrics.ts), so the two
 * columns are measured alike: wall time (first to last event), the program's syscalls, its scheduling
 * latency p50/p99, threads with events. Peak threads come from the run's summary (Ms alive at most).
 */
import type { EventLog } from '../log/events.js';
import { goTraceBytes } from '../views/gotrace.js';
import { readGoTrace, type GoTrace } from './reader.js';
import { traceMetrics, type TraceMetrics } from './metrics.js';
import { type Reconstruction } from './reconstruct.js';

/**
 * The replay's figures, from its event log, over the trace's window: from `startNs` (the replay's main
 * began: ReplayHooks.started) to the end. The wall time is the simulated time from `startNs` to the end.
 */
export function replayMetrics(log: EventLog, startNs: number, endNs: number): TraceMetrics {
  const m = traceMetrics(readGoTrace(goTraceBytes(log)), startNs);
  return { ...m, wallNs: endNs - startNs };
}

export interface WhatIfReport {
  traced: TraceMetrics;
  replay: TraceMetrics & { threadsPeak: number | null };
  reconstruction: Reconstruction['stats'] & { gomaxprocs: number };
}

export function whatIfReport(t: GoTrace, rec: Reconstruction, log: EventLog, startNs: number, endNs: number, threadsPeak: number | null): WhatIfReport {
  return {
    traced: traceMetrics(t),
    replay: { ...replayMetrics(log, startNs, endNs), threadsPeak },
    reconstruction: { ...rec.stats, gomaxprocs: rec.gomaxprocs },
  };
}

const dur = (ns: number): string => (ns >= 1e9 ? `${(ns / 1e9).toFixed(3)}s` : ns >= 1e6 ? `${(ns / 1e6).toFixed(3)}ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(1)}µs` : `${Math.round(ns)}ns`);
const pct = (a: number, b: number): string => (b === 0 ? '' : ` (${a >= b ? '+' : ''}${(((a - b) / b) * 100).toFixed(0)}%)`);

/** The replay block of `gmpsim replay --summary`. */
export function formatWhatIf(r: WhatIfReport, file: string): string {
  const s = r.reconstruction;
  const lines: string[] = [];
  lines.push(`── replay of ${file} ──`);
  lines.push(
    `  reconstructed   ${s.goroutines} goroutines (${s.droppedGoroutines} of the runtime's and runtime/trace's left out), GOMAXPROCS ${s.gomaxprocs} when traced`,
  );
  lines.push(`  steps           CPU ${dur(s.cpuNs)} (of ${dur(s.runningNs)} running${s.cpuSamples > 0 ? `; ${s.cpuSamples} CPU samples` : ''}), ${s.syscalls} syscalls (${dur(s.syscallNs)}), ${s.netWaits} network waits, ${s.sleeps} sleeps, ${s.timerWaits} timer waits, ${s.gcWaits} GC waits`);
  lines.push(`  causal edges    ${s.edges} unblocks by another goroutine (${s.loopbackEdges} network waits on a loopback write), ${s.joins} joins, ${s.gomaxprocsCalls} GOMAXPROCS calls`);
  lines.push('                    traced          replay');
  const row = (label: string, a: string, b: string, extra = ''): void => void lines.push(`  ${label.padEnd(18)}${a.padEnd(16)}${b}${extra}`);
  row('wall time', dur(r.traced.wallNs), dur(r.replay.wallNs), pct(r.replay.wallNs, r.traced.wallNs));
  row('syscalls', String(r.traced.syscalls), String(r.replay.syscalls), pct(r.replay.syscalls, r.traced.syscalls));
  row('sched lat p50', dur(r.traced.latency.p50), dur(r.replay.latency.p50));
  row('sched lat p99', dur(r.traced.latency.p99), dur(r.replay.latency.p99));
  row('threads (events)', String(r.traced.threadsWithEvents), String(r.replay.threadsWithEvents));
  if (r.replay.threadsPeak !== null) row('threads (peak)', '—', String(r.replay.threadsPeak));
  return lines.join('\n') + '\n';
}
