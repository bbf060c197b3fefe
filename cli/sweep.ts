/**
 * `gmpsim sweep`: run one workload over a grid (GOMAXPROCS × seeds × parameter values) on
 * worker threads, print a table (or JSON), optionally plot the results against GOMAXPROCS.
 *
 * Every cell runs in a fresh module instance with fully resolved settings, so its result does not
 * depend on the worker that ran it or the order cells finish in; output is in grid order.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Summary } from '../src/views/summary.js';
import { durationText } from '../src/views/summary.js';
import { renderSweepSvg, wrapHtml, type SweepPoint } from '../src/views/plot.js';
import { loadWorkload } from './load.js';
import { UsageError, checkPlotPath, gomaxprocsValue, nonNegativeInt, parseList, positiveInt } from './options.js';
import { coerceParam, resolveSettings, splitParam, type RunFlags, type Settings } from './settings.js';
import { execute } from './execute.js';
import { userEnv } from './env.js';
import { settingsJson } from './json.js';

export interface SweepFlags extends RunFlags {
  json?: boolean;
  plot?: string;
  jobs?: string;
}

export type CellResult =
  | { id: number; exit: { code: number; reason: string; message: string }; summary: Summary; wallMs: number; error?: undefined }
  | { id: number; error: string };

interface Cell {
  id: number;
  gomaxprocs: number;
  seed: number;
  params: Record<string, unknown>;
  settings: Settings;
}

export const sweepSchemaId = 'gmpsim-sweep/1';

export async function sweepCommand(file: string, flags: SweepFlags): Promise<number> {
  checkPlotPath(flags.plot);
  const jobsMax = flags.jobs !== undefined ? positiveInt('--jobs', flags.jobs) : os.availableParallelism();
  const procsList = flags.gomaxprocs !== undefined ? parseList('--gomaxprocs', flags.gomaxprocs, gomaxprocsValue) : null;
  const seedList = flags.seed !== undefined ? parseList('--seed', flags.seed, nonNegativeInt) : null;
  const loaded = await loadWorkload(file);
  const inst = loaded.first!;
  // Parameter lists: name=v1,v2,…
  const paramAxes: { name: string; values: unknown[]; raw: string[] }[] = [];
  for (const item of flags.param ?? []) {
    const [name, rawList] = splitParam(item);
    if (paramAxes.some((a) => a.name === name)) throw new UsageError(`--param ${name}: given twice (list its values once: ${name}=v1,v2)`);
    const raw = parseList(`--param ${name}`, rawList, (_w, s) => s);
    paramAxes.push({ name, raw, values: raw.map((r) => coerceParam(file, inst.params, name, r)) });
  }
  const warnings: string[] = [];
  const base = resolveSettings(file, { ...flags, gomaxprocs: undefined, seed: undefined, param: [] }, userEnv, inst, warnings);
  for (const w of warnings) process.stderr.write(w + '\n');
  const procs = procsList ?? [base.gomaxprocs];
  const seeds = seedList ?? [base.seed];

  // The grid, in a fixed order: parameters (outermost), seed, GOMAXPROCS (innermost).
  const combos: Record<string, unknown>[] = [{}];
  for (const ax of paramAxes) {
    const next: Record<string, unknown>[] = [];
    for (const c of combos) for (const v of ax.values) next.push({ ...c, [ax.name]: v });
    combos.splice(0, combos.length, ...next);
  }
  const cells: Cell[] = [];
  for (const combo of combos) {
    for (const seed of seeds) {
      for (const g of procs) {
        const params = { ...base.params, ...combo };
        cells.push({ id: cells.length, gomaxprocs: g, seed, params: combo, settings: { ...base, gomaxprocs: g, seed, params } });
      }
    }
  }

  const results = await runCells(loaded.kind === 'ts' ? loaded.bundle : null, file, cells, Math.min(jobsMax, cells.length), async (c) => {
    const i = await loaded.instantiate();
    const ex = execute(i, c.settings, file, { summary: true });
    return { id: c.id, exit: { code: ex.result.exitCode, reason: ex.result.reason, message: ex.result.message }, summary: ex.summary!, wallMs: ex.wallMs };
  });

  const failed = results.find((r) => r.error !== undefined);
  if (failed && failed.error !== undefined) throw new UsageError(`sweep cell ${failed.id + 1}: ${failed.error}`, 70);

  const showSeed = seeds.length > 1;
  const paramNames = paramAxes.map((a) => a.name);
  if (flags.plot) {
    const points: SweepPoint[] = cells.map((c) => {
      const r = results[c.id]! as Extract<CellResult, { summary: Summary }>;
      const grp = [...paramNames.map((n) => `${n}=${String(c.params[n])}`), ...(showSeed ? [`seed=${c.seed}`] : [])].join(' ');
      const pt = r.summary.pTime.total;
      const all = pt.idleNs + pt.runningNs + pt.syscallNs + pt.otherNs;
      return {
        group: grp,
        gomaxprocs: c.gomaxprocs,
        values: { simMs: r.summary.simTimeNs / 1e6, peakThreads: r.summary.threads.peak, running: all > 0 ? (100 * pt.runningNs) / all : 0 },
      };
    });
    const svg = renderSweepSvg(
      points,
      [
        { key: 'simMs', title: 'Simulated run time (ms)' },
        { key: 'peakThreads', title: 'Peak OS threads', integer: true },
        { key: 'running', title: 'Ps running Go code (% of P time)' },
      ],
      `gmpsim sweep: ${file}`,
    );
    try {
      fs.writeFileSync(flags.plot, /\.html?$/i.test(flags.plot) ? wrapHtml(svg, `gmpsim sweep: ${file}`) : svg);
    } catch (e) {
      throw new UsageError(`--plot ${flags.plot}: cannot write the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }

  if (flags.json) {
    const obj = {
      schema: sweepSchemaId,
      file,
      grid: { gomaxprocs: procs, seeds, params: Object.fromEntries(paramAxes.map((a) => [a.name, a.values])) },
      settings: settingsJson(base),
      cells: cells.map((c) => {
        const r = results[c.id]! as Extract<CellResult, { summary: Summary }>;
        return { gomaxprocs: c.gomaxprocs, seed: c.seed, params: c.params, exit: r.exit, wallTimeMs: Math.round(r.wallMs * 1000) / 1000, summary: r.summary };
      }),
    };
    process.stdout.write(JSON.stringify(obj, null, 2) + '\n');
    return 0;
  }

  const header = ['GOMAXPROCS', ...(showSeed ? ['seed'] : []), ...paramNames, 'exit', 'sim time', 'threads', 'goroutines', 'syscalls', 'handed off', 'retakes', 'preempts', 'steals', 'P running'];
  const rows: string[][] = cells.map((c) => {
    const r = results[c.id]! as Extract<CellResult, { summary: Summary }>;
    const s = r.summary;
    const pt = s.pTime.total;
    const all = pt.idleNs + pt.runningNs + pt.syscallNs + pt.otherNs;
    return [
      String(c.gomaxprocs),
      ...(showSeed ? [String(c.seed)] : []),
      ...paramNames.map((n) => String(c.params[n])),
      r.exit.code === 0 ? '0' : `${r.exit.code} ${r.exit.reason}`,
      durationText(s.simTimeNs),
      String(s.threads.peak),
      String(s.goroutines.created),
      String(s.syscalls.total),
      String(s.syscalls.handedOff),
      String(s.retakes.total),
      String(s.preemptions.async + s.preemptions.cooperative),
      String(s.steals.count),
      `${all > 0 ? Math.round((1000 * pt.runningNs) / all) / 10 : 0}%`,
    ];
  });
  const widths = header.map((h, i) => rows.reduce((w, r) => Math.max(w, r[i]!.length), h.length));
  const exitCol = 1 + (showSeed ? 1 : 0) + paramNames.length;
  const line = (cols: string[]): string => cols.map((c, i) => (i === exitCol ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  let out = line(header) + '\n';
  for (const r of rows) out += line(r) + '\n';
  process.stdout.write(out);
  return 0;
}

async function runCells(
  code: string | null,
  file: string,
  cells: Cell[],
  jobs: number,
  inProcess: (c: Cell) => Promise<CellResult>,
): Promise<CellResult[]> {
  const results: CellResult[] = new Array<CellResult>(cells.length);
  const bar = progress(cells.length);
  if (code === null || jobs <= 1) {
    for (const c of cells) {
      results[c.id] = await inProcess(c);
      bar.tick();
    }
    bar.done();
    return results;
  }
  const workerUrl = new URL('./sweep-worker.js', import.meta.url);
  let next = 0;
  await new Promise<void>((resolve, reject) => {
    let finished = 0;
    let live = 0;
    const workers: Worker[] = [];
    const feed = (w: Worker): void => {
      if (next >= cells.length) {
        void w.terminate();
        return;
      }
      const c = cells[next++]!;
      w.postMessage({ id: c.id, settings: c.settings });
    };
    for (let j = 0; j < jobs; j++) {
      // A worker's heap has its own limit: --max-heap sets it (execute.ts stops a cell before it).
      const maxHeap = cells[0]!.settings.maxHeapMiB;
      const w = new Worker(workerUrl, { workerData: { bundle: code, file }, resourceLimits: maxHeap !== null ? { maxOldGenerationSizeMb: Math.ceil(maxHeap / 0.85) + 64 } : undefined });
      live++;
      workers.push(w);
      w.on('message', (r: CellResult) => {
        results[r.id] = r;
        finished++;
        bar.tick();
        if (finished === cells.length) {
          for (const x of workers) void x.terminate();
          resolve();
        } else feed(w);
      });
      w.on('error', (e) => {
        for (const x of workers) void x.terminate();
        reject(e);
      });
      w.on('exit', () => {
        live--;
        void live;
      });
      feed(w);
    }
  });
  bar.done();
  return results;
}

/** A progress bar on stderr, only when stderr is a terminal. */
function progress(total: number): { tick(): void; done(): void } {
  const tty = process.stderr.isTTY === true;
  let n = 0;
  const t0 = Date.now();
  const draw = (): void => {
    const width = 30;
    const fill = Math.round((n / total) * width);
    process.stderr.write(`\r[${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${n}/${total} runs  ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  };
  if (tty) draw();
  return {
    tick(): void {
      n++;
      if (tty) draw();
    },
    done(): void {
      if (tty) process.stderr.write('\r\x1b[K');
    },
  };
}
