/**
 * The "what if" acceptance table (docs/whatif.md, pinned by test/trace/whatif.test.ts): for each real
 * program of whatif/, its go1.26.8 trace (GOMAXPROCS=4) replayed at the traced setting and at 1, 2 and 8,
 * against what real go1.26.8 did at those settings (whatif/reference/NAME.json, whatif/record.mjs).
 *
 * What it checks:
 *  - reproduction (the traced setting): the replay against the traced run itself — wall time, peak
 *    threads, syscalls within ±10 %, scheduling latency p50/p99 within ±10 % or 5 µs (the trace clock
 *    ticks every 64 ns and the reader moves equal timestamps 1 ns apart, so sub-µs latencies are noise);
 *  - prediction (other settings): wall time and peak threads within ±20 % of the real runs' median.
 * A check outside its tolerance is a miss; the set of misses is pinned with a cause each.
 *
 * Peak threads: real, the runtime's threadcreate count when main returns (Ms made; the trace does not
 * record thread creation); replay, the summary's peak of live Ms. Wall time: real, trace.Start to
 * trace.Stop measured in the program; replay, the simulated time at exit.
 */
import type { RunResult } from '../runtime/runtime.js';
import { run } from '../runtime/runtime.js';
import { summarize } from '../views/summary.js';
import type { GoTrace } from './reader.js';
import { reconstruct, replayMain, traceReplayRelease } from './reconstruct.js';
import { replayMetrics } from './whatif.js';

/** One program's recorded ground truth (whatif/reference/NAME.json). */
export interface WhatIfReference {
  program: string;
  env: { goVersion: string; cpus: number; loadavg1Before: number; loadavg1After: number; recorded: string; os: string; cpuModel: string };
  trace: { file: string; gomaxprocs: number; wallNs: number; threads: number; syscalls: number; latencyP50: number; latencyP99: number };
  settings: Record<string, { wallNs: Stat; threads: Stat; syscalls: Stat; latencyP50: Stat; latencyP99: Stat; runs: unknown[] }>;
}
interface Stat {
  median: number;
  min: number;
  max: number;
}

export interface ReplayFigures {
  wallNs: number;
  threads: number;
  syscalls: number;
  latencyP50: number;
  latencyP99: number;
  exitCode: number;
}

export interface Check {
  program: string;
  /** 'same' (the traced setting) or GOMAXPROCS=N. */
  setting: string;
  metric: 'wall' | 'threads' | 'syscalls' | 'latencyP50' | 'latencyP99';
  real: number;
  replay: number;
  ok: boolean;
}

/** Tolerances (issue #17's acceptance). */
export const sameTolerance = 0.1;
export const predictTolerance = 0.2;
/** Latencies closer than this are equal (trace clock resolution and equal-timestamp fix-ups). */
export const latencyFloorNs = 5000;
export const predictSettings = [1, 2, 8];

export function replayFigures(t: GoTrace, ref: WhatIfReference, gomaxprocs: number): { fig: ReplayFigures; result: RunResult } {
  // The real runs at every setting were traced and CPU-profiled (whatif/record.mjs), so the replay keeps
  // the tracer's and the profiler's goroutines too: their syscalls and wake-ups cost the real runs threads.
  const rec = reconstruct(t, { traceCpus: ref.env.cpus, keepTracing: true });
  let start = 0;
  const result = run({ main: replayMain(rec, {}, { started: (ns) => (start = ns) }) as never, gomaxprocs, ncpu: ref.env.cpus, go: traceReplayRelease, seed: 1, storeLog: true, until: 600e9 });
  const m = replayMetrics(result.log, start, result.simTime);
  const s = summarize(result.log);
  return { fig: { wallNs: m.wallNs, threads: s.threads.peak, syscalls: m.syscalls, latencyP50: m.latency.p50, latencyP99: m.latency.p99, exitCode: result.exitCode }, result };
}

const within = (a: number, b: number, tol: number, floor = 0): boolean => Math.abs(a - b) <= Math.max(tol * Math.abs(b), floor);

export function checks(name: string, ref: WhatIfReference, t: GoTrace): { checks: Check[]; figures: Record<string, ReplayFigures> } {
  const out: Check[] = [];
  const figures: Record<string, ReplayFigures> = {};
  const same = replayFigures(t, ref, ref.trace.gomaxprocs).fig;
  figures['same'] = same;
  const add = (setting: string, metric: Check['metric'], real: number, replay: number, tol: number, floor = 0): void =>
    void out.push({ program: name, setting, metric, real, replay, ok: within(replay, real, tol, floor) });
  add('same', 'wall', ref.trace.wallNs, same.wallNs, sameTolerance);
  add('same', 'threads', ref.trace.threads, same.threads, sameTolerance);
  add('same', 'syscalls', ref.trace.syscalls, same.syscalls, sameTolerance);
  add('same', 'latencyP50', ref.trace.latencyP50, same.latencyP50, sameTolerance, latencyFloorNs);
  add('same', 'latencyP99', ref.trace.latencyP99, same.latencyP99, sameTolerance, latencyFloorNs);
  for (const gmp of predictSettings) {
    const real = ref.settings[String(gmp)];
    if (real === undefined) continue;
    const f = replayFigures(t, ref, gmp).fig;
    figures[String(gmp)] = f;
    add(`GOMAXPROCS=${gmp}`, 'wall', real.wallNs.median, f.wallNs, predictTolerance);
    add(`GOMAXPROCS=${gmp}`, 'threads', real.threads.median, f.threads, predictTolerance);
  }
  return { checks: out, figures };
}

/** A miss's key in whatif/misses.json. */
export const missKey = (c: Check): string => `${c.program} ${c.setting} ${c.metric}`;
