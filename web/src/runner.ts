/**
 * Load and run one workload: transpile (TypeScript via sucrase, Go via src/golang when present),
 * evaluate with 'gmpsim' resolved to the engine, merge knobs with the workload's exported config,
 * run. Shared by the worker (the browser) and the e2e tests (Node), so both compute the same log.
 * Messages follow the CLI's wording (cli/load.ts, cli/main.ts: "gmpsim: FILE:LINE:COL: …").
 */
import { transform } from 'sucrase';
import * as gmpsim from '../../src/index.js';
import type { GoFunc, RunResult } from '../../src/index.js';
import { SummaryAccumulator, formatSummaryAB, summarize, type SummaryColumn } from '../../src/views/summary.js';
import { readGoTrace, traceErrorText, TraceFormatError, type GoTrace } from '../../src/trace/reader.js';
import { nothingToReplay, reconstruct, replayConfig, replayMain, type Reconstruction } from '../../src/trace/reconstruct.js';
import { formatWhatIf, whatIfReport } from '../../src/trace/whatif.js';
import type { Effective, RunRequest, WorkloadError } from './protocol';

export type GoLoader = () => Promise<{ compileGo?: (files: { name: string; text: string }[], opts?: { go?: gmpsim.GoRelease }) => Compiled } | null>;

export type RunOutcome = { ok: true; result: RunResult; effective: Effective; params: Record<string, number | string | boolean>; warnings: string[]; ab?: string; whatif?: string } | { ok: false; error: WorkloadError };

/** A workload that did not load: why (the page shows it in the errors box). */
type Failed = { error: WorkloadError };
const fail = (error: WorkloadError): Failed => ({ error });

function lineOf(e: unknown): { line?: number; column?: number } {
  const loc = (e as { loc?: { line: number; column: number } }).loc;
  if (loc) return { line: loc.line, column: loc.column + 1 };
  // Errors thrown while evaluating the module: "<anonymous>:LINE:COL" of the Function body.
  const stack = e instanceof Error ? e.stack ?? '' : '';
  const m = /(?:<anonymous>|Function):(\d+):(\d+)/.exec(stack);
  // new Function adds 2 header lines ("function anonymous(...\n) {\n").
  if (m) return { line: Number(m[1]) - 2, column: Number(m[2]) };
  return {};
}

export type Compiled = { ok: true; main: GoFunc; linksOS?: boolean } | { ok: false; errors: unknown[]; syntaxPass?: true };

/** What a workload module may export besides main (as the CLI reads it, cli/settings.ts). */
interface WorkloadConfig {
  go?: string;
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
  /** The module's exported `params` object (mutable, as with the CLI's --param). */
  params: Record<string, unknown> | null;
  linksOS?: boolean;
  /** A replayed trace: what the what-if report compares the run with; startNs is set when the replay's main begins. */
  replay?: { trace: GoTrace; rec: Reconstruction; startNs: number };
}

/** A real program's execution trace, rebuilt as a workload (src/trace/reconstruct.ts), as `gmpsim replay` does. */
function loadTrace(req: RunRequest): Loaded | Failed {
  const file = req.file;
  if (req.trace === undefined) {
    return fail({ kind: 'load', message: `gmpsim: ${file}: no trace to replay` });
  }
  const bytes = new Uint8Array(req.trace);
  let trace: GoTrace;
  try {
    trace = readGoTrace(bytes);
  } catch (e) {
    if (!(e instanceof TraceFormatError)) throw e;
    return fail({ kind: 'load', message: `gmpsim: ${file}: ${traceErrorText(e, bytes.length)}` });
  }
  const rec = reconstruct(trace, { keepTracing: req.knobs.keepTracing === true });
  if (rec.stats.goroutines === 0) {
    return fail({ kind: 'load', message: `gmpsim: ${file}: ${nothingToReplay}` });
  }
  const replay = { trace, rec, startNs: 0 };
  const main = replayMain(rec, req.knobs.scale ?? {}, { started: (ns) => (replay.startNs = ns) });
  return { main: main as unknown as GoFunc, config: replayConfig(rec), params: null, linksOS: true, replay };
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

async function loadMain(req: RunRequest, goLoader?: GoLoader): Promise<Loaded | Failed> {
  const file = req.file;
  if (req.lang === 'trace') return loadTrace(req);
  if (req.lang === 'go') {
    const mod = goLoader ? await goLoader() : null;
    if (!mod || typeof mod.compileGo !== 'function') {
      return fail({ kind: 'load', message: `gmpsim: ${file}: running Go sources needs the Go frontend (src/golang), which is not in this build` });
    }
    let c: Compiled;
    try {
      // the release knob picks the compiler whose syntax errors are shown (an invalid knob is reported later)
      const rel = req.knobs.go !== undefined ? gmpsim.parseGoRelease(req.knobs.go) : null;
      c = mod.compileGo([{ name: file, text: req.code }], rel && 'release' in rel ? { go: rel.release } : {});
    } catch (e) {
      return fail({ kind: 'load', message: `gmpsim: ${file}: ${e instanceof Error ? e.message : String(e)}` });
    }
    if (!c.ok) {
      const errs = c.errors.map((e) => formatGoError(file, e));
      const firstLine = errs.find((x) => x.line !== undefined);
      // gc's syntax pass, or the type checker (`undefined: d` is no syntax error)
      return fail({ kind: c.syntaxPass ? 'syntax' : 'compile', message: errs.map((x) => x.text).join('\n'), ...(firstLine ? { line: firstLine.line, column: firstLine.column } : {}) });
    }
    return { main: c.main, config: {}, params: null, linksOS: c.linksOS ?? true };
  }
  let js: string;
  try {
    js = transform(req.code, { transforms: ['typescript', 'imports'], filePath: file }).code;
  } catch (e) {
    const text = e instanceof Error ? e.message.replace(/\s*\(\d+:\d+\)$/, '').replace(/^Error transforming [^:]*: /, '') : String(e);
    const where = lineOf(e);
    return fail({ kind: 'syntax', message: `gmpsim: ${file}${where.line ? `:${where.line}:${where.column}` : ''}: ${text}`, ...where });
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
    return fail({ kind: 'load', message: `gmpsim: ${file}: the workload threw while loading: ${e instanceof Error ? e.message : String(e)}`, ...lineOf(e) });
  }
  const ex = module.exports as Record<string, unknown>;
  const main = ex['main'];
  if (typeof main !== 'function') {
    return fail({ kind: 'load', message: `gmpsim: ${file}: the workload has no exported main: add \`export function* main() { … }\`` });
  }
  if (main.constructor?.name !== 'GeneratorFunction') {
    return fail({ kind: 'load', message: `gmpsim: ${file}: the exported main must be a generator function: \`export function* main() { … }\`` });
  }
  const config = ex['config'];
  if (config !== undefined && (typeof config !== 'object' || config === null)) {
    return fail({ kind: 'load', message: `gmpsim: ${file}: the exported config must be an object such as { gomaxprocs: 2 }` });
  }
  const params = ex['params'];
  if (params !== undefined && (typeof params !== 'object' || params === null)) {
    return fail({ kind: 'load', message: `gmpsim: ${file}: the exported params must be an object of default values such as { n: 100 }` });
  }
  return { main: main as GoFunc, config: (config ?? {}) as WorkloadConfig, params: (params ?? null) as Record<string, unknown> | null };
}

/**
 * `watchdog`: makes the host's wall-clock guard for the run about to start with these settings (the
 * worker's, see worker.ts); the engine checks it every few thousand events, and a run it stops ends
 * with exit 124 and keeps its partial log.
 */
export async function runWorkload(req: RunRequest, goLoader?: GoLoader, watchdog?: (effective: Effective) => gmpsim.Watchdog): Promise<RunOutcome> {
  const loaded = await loadMain(req, goLoader);
  if ('error' in loaded) return { ok: false, error: loaded.error };
  const cfg = loaded.config;
  // Knobs left empty fall back to the workload's exported config, then to the engine's defaults.
  const k = req.knobs;
  // GODEBUG: the workload's config.godebug first, the knob's keys on top (as the CLI does with
  // the environment's GODEBUG).
  const godebug = [cfg.godebug ?? '', k.godebug ?? ''].filter((x) => x !== '').join(',');
  const { flags, errors, ignored } = gmpsim.parseGODEBUG(godebug);
  if (errors.length) {
    return { ok: false, error: { kind: 'options', message: errors.map((e) => `gmpsim: ${e}`).join('\n') } };
  }
  // Workload params: defaults reported back, knob values applied (type of the default kept).
  const paramDefaults: Record<string, number | string | boolean> = {};
  if (loaded.params) {
    for (const [name, v] of Object.entries(loaded.params)) if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') paramDefaults[name] = v;
    for (const [name, raw] of Object.entries(k.params ?? {})) {
      if (!(name in paramDefaults)) continue;
      const def = paramDefaults[name]!;
      const v = typeof def === 'number' ? Number(raw) : typeof def === 'boolean' ? raw === true || raw === 'true' || raw === '1' : String(raw);
      if (typeof v === 'number' && !Number.isFinite(v)) return { ok: false, error: { kind: 'options', message: `gmpsim: --param ${name}=${raw}: not a number` } };
      loaded.params[name] = v;
    }
  }
  const ncpu = cfg.ncpu ?? gmpsim.defaultNcpu;
  // The release: the knob, else the workload's config.go, else the default (as the CLI's --go).
  const goRaw = k.go ?? cfg.go;
  let go: gmpsim.GoRelease = gmpsim.defaultRelease;
  if (goRaw !== undefined) {
    const pr = gmpsim.parseGoRelease(goRaw);
    if ('error' in pr) return { ok: false, error: { kind: 'options', message: `gmpsim: --go ${goRaw}: ${pr.error}` } };
    go = pr.release;
  }
  const effective = {
    go,
    gomaxprocs: k.gomaxprocs ?? cfg.gomaxprocs ?? gmpsim.defaultGOMAXPROCS(gmpsim.profiles[go], ncpu, Infinity, flags),
    seed: k.seed ?? cfg.seed ?? 1,
    godebug,
    maxEvents: k.maxEvents ?? cfg.maxEvents ?? 2_000_000,
    ncpu,
  };
  const setProcs = k.gomaxprocs ?? cfg.gomaxprocs;
  const options = (release: gmpsim.GoRelease): gmpsim.RunOptions => ({
    main: loaded.main,
    go: release,
    gomaxprocs: setProcs,
    ncpu,
    seed: effective.seed,
    godebug: flags,
    cost: { ...(cfg.cost ?? {}), ...k.cost },
    maxEvents: effective.maxEvents,
    until: parseDuration(cfg.until),
    linksOS: loaded.linksOS ?? cfg.linksOS ?? true,
    file: req.file,
  });
  let r: gmpsim.RunResult;
  let ab: string | undefined;
  let whatif: string | undefined;
  try {
    r = gmpsim.run({ ...options(go), watchdog: watchdog?.(effective) });
    // A replayed trace: the replay's figures next to the traced run's (as `gmpsim replay --summary`),
    // before an A/B run moves the replay's start.
    const rp = loaded.replay;
    if (rp) whatif = formatWhatIf(whatIfReport(rp.trace, rp.rec, r.log, rp.startNs, r.simTime, summarize(r.log, r.simTime).threads.peak), req.file);
    if (k.compare === true) {
      // The A/B summary: every release, the same settings, summaries streamed (no stored log).
      const cols: SummaryColumn[] = [];
      for (const rel of gmpsim.goReleases) {
        const rt = new gmpsim.Runtime({ ...options(rel), storeLog: false });
        const acc = new SummaryAccumulator(rt.log);
        rt.log.listen(acc.event);
        const res = rt.run();
        cols.push({ label: `Go ${rel}`, summary: acc.result(res.simTime), exitCode: res.exitCode, reason: res.reason });
      }
      ab = formatSummaryAB(cols, req.file);
    }
  } catch (e) {
    return { ok: false, error: { kind: 'options', message: `gmpsim: ${e instanceof Error ? e.message : String(e)}` } };
  }
  return { ok: true, result: r, effective, params: paramDefaults, warnings: ignored.map((k) => `GODEBUG: unknown key "${k}" ignored`), ab, ...(whatif !== undefined ? { whatif } : {}) };
}
