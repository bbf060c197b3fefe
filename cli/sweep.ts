/**
 * `gmpsim sweep`: run one workload over a grid (GOMAXPROCS × seeds × parameter values) on
 * worker threads, print a table (or JSON), optionally plot the results against GOMAXPROCS.
 *
 * Every cell runs in a fresh module instance with fully resolved settings, so its result does not
 * depend on the worker that ran it or the order cells finish in; output is in grid order.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { Summary } from '../src/views/summary.js';
import { durationText } from '../src/views/summary.js';
import { renderSweepSvg, wrapHtml, type SweepPoint } from '../src/views/plot.js';
import { loadWorkload } from './load.js';
import { UsageError, checkPlotPath, gomaxprocsValue, nonNegativeInt, parseIoCost, parseList, positiveInt } from './options.js';
import { coerceParam, resolveSettings, splitParam, type RunFlags, type Settings } from './settings.js';
import { execute } from './execute.js';
import { userEnv } from './env.js';
import { settingsJson } from './json.js';

export interface SweepFlags extends RunFlags {
  json?: boolean;
  plot?: string;
  jobs?: string;
  /** K/N: run only the K-th of N slices of the grid (cells K−1, K−1+N, K−1+2N, …). */
  shard?: string;
  /** Write the cells' results as JSON lines to this file instead of printing them. */
  out?: string;
  /** The positional arguments are shard files (JSON lines) to combine. */
  merge?: boolean;
}

/** A shard file's first line: what grid it belongs to (everything a merge must find identical). */
interface ShardHeader {
  schema: typeof shardSchemaId;
  file: string;
  /** sha256 of the workload's source: shards of different versions of it do not merge. */
  source: string;
  grid: SweepGrid;
  settings: ReturnType<typeof settingsJson>;
  cells: number;
  shard: { k: number; n: number };
}

interface SweepGrid {
  gomaxprocs: number[];
  seeds: number[];
  params: Record<string, unknown[]>;
}

/** One cell's result, as `--json` and shard files hold it. */
interface CellJson {
  id: number;
  gomaxprocs: number;
  seed: number;
  params: Record<string, unknown>;
  exit: { code: number; reason: string; message: string };
  wallTimeMs: number;
  summary: Summary;
}

export const shardSchemaId = 'gmpsim-sweep-shard/1';

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
  const loaded = await loadWorkload(file, [], undefined, parseIoCost(flags.cost ?? []));
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
        cells.push({ id: cells.length, gomaxprocs: g, seed, params: combo, settings: { ...base, gomaxprocs: g, gomaxprocsSet: base.gomaxprocsSet || procsList !== null, seed, params } });
      }
    }
  }

  const shard = flags.shard !== undefined ? parseShard(flags.shard, cells.length) : null;
  if (flags.out !== undefined) checkOutPath(flags.out);
  const mine = shard ? cells.filter((c) => c.id % shard.n === shard.k - 1) : cells;

  const results = await runCells(loaded.kind === 'ts' ? loaded.bundle : null, file, mine, Math.max(1, Math.min(jobsMax, mine.length)), async (c) => {
    const i = await loaded.instantiate();
    const ex = execute(i, c.settings, file, { summary: true });
    return { id: c.id, exit: { code: ex.result.exitCode, reason: ex.result.reason, message: ex.result.message }, summary: ex.summary!, wallMs: ex.wallMs };
  });

  const failed = results.find((r) => r !== undefined && r.error !== undefined);
  if (failed && failed.error !== undefined) throw new UsageError(`sweep cell ${failed.id + 1}: ${failed.error}`, 70);
  const grid: SweepGrid = { gomaxprocs: procs, seeds, params: Object.fromEntries(paramAxes.map((a) => [a.name, a.values])) };
  const cellJson = (c: Cell): CellJson => {
    const r = results[c.id]! as Extract<CellResult, { summary: Summary }>;
    return { id: c.id, gomaxprocs: c.gomaxprocs, seed: c.seed, params: c.params, exit: r.exit, wallTimeMs: Math.round(r.wallMs * 1000) / 1000, summary: r.summary };
  };

  if (flags.out !== undefined) {
    const header: ShardHeader = {
      schema: shardSchemaId,
      file,
      source: sourceHash(file),
      grid,
      settings: settingsJson(base),
      cells: cells.length,
      shard: shard ?? { k: 1, n: 1 },
    };
    const lines = [JSON.stringify(header), ...mine.map((c) => JSON.stringify(cellJson(c)))];
    try {
      fs.writeFileSync(flags.out, lines.join('\n') + '\n');
    } catch (e) {
      throw new UsageError(`--out ${flags.out}: cannot write the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    process.stderr.write(`gmpsim: wrote ${mine.length} of the grid's ${cells.length} cells to ${flags.out}${shard ? ` (shard ${shard.k}/${shard.n})` : ''}\n`);
    return 0;
  }
  report(file, grid, settingsJson(base), mine.map(cellJson), flags);
  return 0;
}

/** `--shard K/N`: 1 ≤ K ≤ N. */
function parseShard(v: string, cells: number): { k: number; n: number } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(v);
  if (!m) throw new UsageError(`--shard ${v}: expected K/N, e.g. 2/8 (the second of eight slices)`);
  const k = Number(m[1]);
  const n = Number(m[2]);
  if (n < 1 || k < 1 || k > n) throw new UsageError(`--shard ${v}: K must be from 1 to N`);
  void cells;
  return { k, n };
}

function checkOutPath(out: string): void {
  const dir = path.dirname(path.resolve(out));
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`--out ${out}: the directory ${dir} does not exist`);
}

function sourceHash(file: string): string {
  const h = createHash('sha256');
  h.update(fs.readFileSync(file));
  return h.digest('hex');
}

/**
 * `gmpsim sweep --merge a.jsonl b.jsonl …`: the shards of one grid, combined into the table (or
 * JSON, or plot) a single machine would have printed. The shards must come from the same
 * workload source, grid and settings, and hold every cell exactly once.
 */
export function mergeCommand(files: string[], flags: SweepFlags): number {
  checkPlotPath(flags.plot);
  if (files.length === 0) throw new UsageError('sweep --merge: give the shard files to combine (written with --out)');
  for (const k of ['go', 'cpuQuota', 'gomaxprocs', 'seed', 'param', 'cost', 'until', 'maxEvents', 'shard', 'out', 'timeout', 'maxHeap'] as const) {
    if (flags[k] !== undefined && !(Array.isArray(flags[k]) && (flags[k] as unknown[]).length === 0)) {
      throw new UsageError(`sweep --merge: --${k.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())} does not apply (the grid and settings come from the shard files)`);
    }
  }
  let header: ShardHeader | null = null;
  let key = '';
  const byId = new Map<number, { cell: CellJson; from: string }>();
  for (const f of files) {
    let text: string;
    try {
      text = fs.readFileSync(f, 'utf8');
    } catch (e) {
      throw new UsageError(`sweep --merge: ${f}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`, 1);
    }
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    let h: ShardHeader;
    try {
      h = JSON.parse(lines[0] ?? '') as ShardHeader;
    } catch {
      throw new UsageError(`sweep --merge: ${f}: not a shard file (its first line is not JSON)`, 1);
    }
    if (h.schema !== shardSchemaId) throw new UsageError(`sweep --merge: ${f}: not a shard file (schema ${JSON.stringify(h.schema)}, expected ${shardSchemaId})`, 1);
    // The file name may differ between machines (another checkout path); the source must not.
    const k = JSON.stringify({ source: h.source, grid: h.grid, settings: h.settings, cells: h.cells });
    if (header === null) {
      header = h;
      key = k;
    } else if (k !== key) {
      const what = h.source !== header.source ? 'the workload source differs' : JSON.stringify(h.grid) !== JSON.stringify(header.grid) ? 'the grid differs' : 'the settings differ';
      throw new UsageError(`sweep --merge: ${f} is not a shard of the same sweep as ${files[0]}: ${what}`, 1);
    }
    for (let i = 1; i < lines.length; i++) {
      let c: CellJson;
      try {
        c = JSON.parse(lines[i]!) as CellJson;
      } catch {
        throw new UsageError(`sweep --merge: ${f}:${i + 1}: not a JSON line (a truncated shard?)`, 1);
      }
      const prev = byId.get(c.id);
      if (prev !== undefined && JSON.stringify({ ...prev.cell, wallTimeMs: 0 }) !== JSON.stringify({ ...c, wallTimeMs: 0 })) {
        throw new UsageError(`sweep --merge: cell ${c.id + 1} is in ${prev.from} and ${f} with different results`, 1);
      }
      byId.set(c.id, { cell: c, from: f });
    }
  }
  const h = header!;
  const missing: number[] = [];
  for (let id = 0; id < h.cells; id++) if (!byId.has(id)) missing.push(id);
  if (missing.length > 0) {
    const n = h.shard.n;
    const shards = [...new Set(missing.map((id) => (id % n) + 1))].sort((a, b) => a - b);
    throw new UsageError(`sweep --merge: ${missing.length} of ${h.cells} cells are missing (shard${shards.length > 1 ? 's' : ''} ${shards.map((k) => `${k}/${n}`).join(', ')})`, 1);
  }
  const cells = [...byId.values()].map((v) => v.cell).sort((a, b) => a.id - b.id);
  report(h.file, h.grid, h.settings, cells, flags);
  return 0;
}

/** Print (or plot) a sweep's results: the table, or `--json`; the same for one machine and merged shards. */
function report(file: string, grid: SweepGrid, settings: ReturnType<typeof settingsJson>, cells: CellJson[], flags: SweepFlags): void {
  const showSeed = grid.seeds.length > 1;
  const paramNames = Object.keys(grid.params);
  if (flags.plot) {
    const points: SweepPoint[] = cells.map((c) => {
      const grp = [...paramNames.map((n) => `${n}=${String(c.params[n])}`), ...(showSeed ? [`seed=${c.seed}`] : [])].join(' ');
      const pt = c.summary.pTime.total;
      const all = pt.idleNs + pt.runningNs + pt.syscallNs + pt.otherNs;
      return {
        group: grp,
        gomaxprocs: c.gomaxprocs,
        values: { simMs: c.summary.simTimeNs / 1e6, peakThreads: c.summary.threads.peak, running: all > 0 ? (100 * pt.runningNs) / all : 0 },
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
      grid,
      settings,
      cells: cells.map((c) => ({ gomaxprocs: c.gomaxprocs, seed: c.seed, params: c.params, exit: c.exit, wallTimeMs: c.wallTimeMs, summary: c.summary })),
    };
    process.stdout.write(JSON.stringify(obj, null, 2) + '\n');
    return;
  }

  const header = ['GOMAXPROCS', ...(showSeed ? ['seed'] : []), ...paramNames, 'exit', 'sim time', 'threads', 'goroutines', 'syscalls', 'handed off', 'retakes', 'preempts', 'steals', 'P running'];
  const rows: string[][] = cells.map((c) => {
    const s = c.summary;
    const pt = s.pTime.total;
    const all = pt.idleNs + pt.runningNs + pt.syscallNs + pt.otherNs;
    return [
      String(c.gomaxprocs),
      ...(showSeed ? [String(c.seed)] : []),
      ...paramNames.map((n) => String(c.params[n])),
      c.exit.code === 0 ? '0' : `${c.exit.code} ${c.exit.reason}`,
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
