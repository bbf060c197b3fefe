/**
 * The engine worker: the only place user code runs (gallery, editor, or a shared link).
 *
 * TypeScript workloads are transpiled with sucrase (type stripping + ESM→CommonJS, which keeps line
 * numbers, so errors point at the user's line) and evaluated with a `require` that resolves
 * 'gmpsim' to the engine's public API. The page enforces a wall-clock timeout by terminating this
 * worker; the engine enforces the event budget (RunOptions.maxEvents) itself.
 */
import { transform } from 'sucrase';
import * as gmpsim from '../../src/index.js';
import type { GoFunc } from '../../src/index.js';
import type { Columns, RunRequest, WorkerReply, WorkloadError } from './protocol';

// The Go frontend (src/golang) is optional: resolved lazily so the app builds without it.
type Compiled = { ok: true; main: GoFunc; linksOS?: boolean } | { ok: false; errors: unknown[] };
const goFrontend = import.meta.glob<{ compileGo?: (files: { name: string; text: string }[]) => Compiled }>('../../src/golang/index.ts');

/** What a workload module may export besides main (as the CLI reads it, cli/settings.ts). */
interface WorkloadConfig {
  gomaxprocs?: number;
  ncpu?: number;
  seed?: number;
  linksOS?: boolean;
  godebug?: string;
  cost?: Record<string, number>;
  until?: number | string;
  maxEvents?: number;
}

interface Loaded {
  main: GoFunc;
  config: WorkloadConfig;
  linksOS?: boolean;
}

/** "2s", "150ms", "20us" → ns (the CLI's duration syntax). */
function parseDuration(v: number | string | undefined): number | undefined {
  if (v === undefined || typeof v === 'number') return v;
  const m = /^(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m)$/.exec(v.trim());
  if (!m) return undefined;
  const mult: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9, m: 60e9 };
  return Number(m[1]) * mult[m[2]!]!;
}

function formatGoError(file: string, e: unknown): { text: string; line?: number; column?: number } {
  if (typeof e === 'string') {
    const m = /:(\d+):(\d+):/.exec(e);
    return { text: e, ...(m ? { line: Number(m[1]), column: Number(m[2]) } : {}) };
  }
  const o = e as { file?: string; name?: string; line?: number; col?: number; column?: number; msg?: string; message?: string };
  const f = o.file ?? o.name ?? file;
  const col = o.col ?? o.column;
  const where = `${f}${o.line ? `:${o.line}${col ? `:${col}` : ''}` : ''}: `;
  return { text: `${where}${o.msg ?? o.message ?? JSON.stringify(e)}`, ...(o.line ? { line: o.line } : {}), ...(col ? { column: col } : {}) };
}

function fail(error: WorkloadError): void {
  const msg: WorkerReply = { type: 'error', error };
  postMessage(msg);
}

function lineOf(e: unknown): { line?: number; column?: number } {
  const loc = (e as { loc?: { line: number; column: number } }).loc;
  if (loc) return { line: loc.line, column: loc.column + 1 };
  // Runtime errors while evaluating the module: find "<anonymous>:LINE:COL" of the Function body.
  const stack = e instanceof Error ? e.stack ?? '' : '';
  const m = /(?:<anonymous>|Function):(\d+):(\d+)/.exec(stack);
  // new Function adds 2 header lines ("function anonymous(...\n) {\n").
  if (m) return { line: Number(m[1]) - 2, column: Number(m[2]) };
  return {};
}

async function loadMain(req: RunRequest): Promise<Loaded | null> {
  const file = req.file;
  if (req.lang === 'go') {
    const load = goFrontend['../../src/golang/index.ts'];
    const mod = load ? await load() : null;
    if (!mod || typeof mod.compileGo !== 'function') {
      fail({ kind: 'load', message: `gmpsim: ${file}: running Go sources needs the Go frontend (src/golang), which is not in this build` });
      return null;
    }
    let c: Compiled;
    try {
      c = mod.compileGo([{ name: file, text: req.code }]);
    } catch (e) {
      fail({ kind: 'load', message: `gmpsim: ${file}: ${e instanceof Error ? e.message : String(e)}` });
      return null;
    }
    if (!c.ok) {
      const errs = c.errors.map((e) => formatGoError(file, e));
      const firstLine = errs.find((x) => x.line !== undefined);
      fail({ kind: 'syntax', message: errs.map((x) => x.text).join('\n'), ...(firstLine ? { line: firstLine.line, column: firstLine.column } : {}) });
      return null;
    }
    return { main: c.main, config: {}, linksOS: c.linksOS ?? true };
  }
  let js: string;
  try {
    js = transform(req.code, { transforms: ['typescript', 'imports'], filePath: file }).code;
  } catch (e) {
    const text = e instanceof Error ? e.message.replace(/\s*\(\d+:\d+\)$/, '') : String(e);
    const where = lineOf(e);
    fail({ kind: 'syntax', message: `gmpsim: ${file}${where.line ? `:${where.line}:${where.column}` : ''}: ${text}`, ...where });
    return null;
  }
  const exports: Record<string, unknown> = {};
  const module = { exports };
  const require = (name: string): unknown => {
    if (name === 'gmpsim') return gmpsim;
    throw new Error(`Cannot find module '${name}': a workload in the browser can import only from 'gmpsim'`);
  };
  try {
    new Function('require', 'exports', 'module', js)(require, exports, module);
  } catch (e) {
    fail({ kind: 'load', message: `gmpsim: ${file}: the workload threw while loading: ${e instanceof Error ? e.message : String(e)}`, ...lineOf(e) });
    return null;
  }
  const ex = module.exports as Record<string, unknown>;
  const main = ex['main'];
  if (typeof main !== 'function') {
    fail({ kind: 'load', message: `gmpsim: ${file}: the workload has no exported main: add \`export function* main() { … }\`` });
    return null;
  }
  if (main.constructor?.name !== 'GeneratorFunction') {
    fail({ kind: 'load', message: `gmpsim: ${file}: the exported main must be a generator function: \`export function* main() { … }\`` });
    return null;
  }
  const config = ex['config'];
  if (config !== undefined && (typeof config !== 'object' || config === null)) {
    fail({ kind: 'load', message: `gmpsim: ${file}: the exported config must be an object such as { gomaxprocs: 2 }` });
    return null;
  }
  return { main: main as GoFunc, config: (config ?? {}) as WorkloadConfig };
}

async function handle(req: RunRequest): Promise<void> {
  const loaded = await loadMain(req);
  if (!loaded) return;
  const cfg = loaded.config;
  // Knobs left empty fall back to the workload's exported config, then to the engine's defaults.
  const k = req.knobs;
  const godebug = k.godebug ?? cfg.godebug ?? '';
  const { flags, errors, ignored } = gmpsim.parseGODEBUG(godebug);
  if (errors.length) {
    fail({ kind: 'options', message: errors.map((e) => `gmpsim: ${e}`).join('\n') });
    return;
  }
  const ncpu = cfg.ncpu ?? 8;
  const effective = {
    gomaxprocs: k.gomaxprocs ?? cfg.gomaxprocs ?? ncpu,
    seed: k.seed ?? cfg.seed ?? 1,
    godebug,
    maxEvents: k.maxEvents ?? cfg.maxEvents ?? 2_000_000,
    ncpu,
  };
  const t0 = performance.now();
  let r: gmpsim.RunResult;
  try {
    r = gmpsim.run({
      main: loaded.main,
      gomaxprocs: effective.gomaxprocs,
      ncpu,
      seed: effective.seed,
      godebug: flags,
      cost: { ...(cfg.cost ?? {}), ...k.cost },
      maxEvents: effective.maxEvents,
      until: parseDuration(cfg.until),
      linksOS: loaded.linksOS ?? cfg.linksOS ?? true,
      file: req.file,
    });
  } catch (e) {
    fail({ kind: 'options', message: `gmpsim: ${e instanceof Error ? e.message : String(e)}` });
    return;
  }
  const log = r.log;
  const n = log.length;
  // The string table is private to EventLog; read it through a narrow cast (see the report:
  // an `EventLog.strings()` accessor would remove this).
  const strings = (log as unknown as { strings: string[] }).strings.slice();
  const cols: Columns = {
    length: n,
    t: log.t.slice(0, n),
    k: log.k.slice(0, n),
    g: log.g.slice(0, n),
    m: log.m.slice(0, n),
    p: log.p.slice(0, n),
    a: log.a.slice(0, n),
    b: log.b.slice(0, n),
    strings,
  };
  const done: WorkerReply = {
    type: 'done',
    exitCode: r.exitCode,
    reason: r.reason,
    message: r.message,
    simTime: r.simTime,
    events: r.events,
    stdout: r.stdout,
    stderr: r.stderr,
    effective,
    godebugWarnings: ignored.map((k) => `GODEBUG: unknown key "${k}" ignored`),
    wallMs: performance.now() - t0,
    cols,
  };
  postMessage(done, [cols.t.buffer, cols.k.buffer, cols.g.buffer, cols.m.buffer, cols.p.buffer, cols.a.buffer, cols.b.buffer]);
}

addEventListener('message', (ev: MessageEvent<RunRequest>) => {
  if (ev.data.type === 'run') void handle(ev.data);
});
