/**
 * The engine in a Web Worker, for `npm run bench:web` (bench/web.ts): the four workloads of issue 14
 * through the TypeScript API (bench/vs-go/*.ts, the same twins `npm run bench -- --vs-go` runs), each run
 * with the event log's storage off as the CLI runs them. The same bundle also runs in Node (bench/web.ts
 * imports it), so the two figures differ only by the JavaScript engine's host: Chromium's V8 in a
 * worker against Node's.
 */
import { run, type GoFunc } from '../../src/index.js';
import * as spawn from '../vs-go/spawn.js';
import * as pingpong from '../vs-go/pingpong.js';
import * as nanosleep from '../vs-go/nanosleep.js';
import * as pipes from '../vs-go/pipes.js';

interface Workload {
  main: unknown;
  config?: { gomaxprocs?: number };
}
export const workloads: Record<string, Workload> = { spawn, pingpong, nanosleep, pipes };

/** One run: wall ms of the engine (performance.now), its events, and what the program printed. */
export function runOne(name: string): { ms: number; events: number; stdout: string } {
  const w = workloads[name];
  if (w === undefined) throw new Error(`bench:web: no workload ${name} (${Object.keys(workloads).join(', ')})`);
  const t0 = performance.now();
  const r = run({ main: w.main as GoFunc, gomaxprocs: w.config?.gomaxprocs ?? 8, storeLog: false, maxEvents: Infinity, linksOS: true });
  return { ms: performance.now() - t0, events: r.kernelEvents, stdout: r.stdout };
}

// In a worker: answer { name } with runOne's figures.
const inWorker = typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined';
if (inWorker) {
  addEventListener('message', (ev: MessageEvent<{ name: string }>) => {
    try {
      postMessage({ ok: true, ...runOne(ev.data.name) });
    } catch (e) {
      postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  });
}
