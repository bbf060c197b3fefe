/**
 * Parsing and validation of everything a user types: flags, environment variables, the workload's
 * `config` export. Every failure is a UsageError: one line, `gmpsim: …`, exit status 2.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { costNames, costValueError, isFractionCost, godebugKeys, ioCostNames, ioCostValueError, libraryGodebugKeys, parseGODEBUG, perByteIoCosts, type CostModel, type GodebugFlags, type IoCosts } from '../src/index.js';

/** A problem with the command line, the environment or the workload's config: exit status 2. */
export class UsageError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** A problem loading the workload (missing file, syntax error, no main): exit status 1, like `go run`'s build failures. */
export class LoadError extends UsageError {
  /** Print the message as is (Go compiler errors, already file:line:col: …), without the `gmpsim: ` prefix. */
  readonly raw: boolean;
  constructor(message: string, raw = false, exitCode = 1) {
    super(message, exitCode);
    this.raw = raw;
  }
}

/** A positive integer (GOMAXPROCS, --ncpu, --max-events). */
export function positiveInt(what: string, v: string): number {
  const s = v.trim();
  if (!/^\d+$/.test(s) || Number(s) < 1 || !Number.isSafeInteger(Number(s))) {
    throw new UsageError(`${what}: "${v}" is not a positive integer`);
  }
  return Number(s);
}

export function nonNegativeInt(what: string, v: string): number {
  const s = v.trim();
  if (!/^\d+$/.test(s) || !Number.isSafeInteger(Number(s))) throw new UsageError(`${what}: "${v}" is not a non-negative integer`);
  return Number(s);
}

/**
 * The most Ps gmpsim simulates. Go has no such limit: go1.19's schedinit takes any GOMAXPROCS that
 * atoi32 accepts (1..2^31−1; 2^31−1 itself crashes in procresize's maskWords arithmetic with
 * "slice bounds out of range", larger values are ignored), and go1.26 the same through
 * strconv.ParseInt(…, 10, 32) (both recorded in test/cli/hardening.test.ts). The limit is gmpsim's
 * own: every simulated P holds a 256-entry run queue and per-P records, and a run's Ps are all
 * created at start-up, before any memory budget can act.
 */
export const maxSimulatedProcs = 100_000;

/** GOMAXPROCS (and --ncpu): a positive integer up to gmpsim's maxSimulatedProcs. */
export function gomaxprocsValue(what: string, v: string): number {
  const n = positiveInt(what, v);
  if (n > maxSimulatedProcs) throw new UsageError(`${what}: ${n} Ps is more than gmpsim simulates (at most ${maxSimulatedProcs}; real Go accepts up to 2147483646)`);
  return n;
}

const unitNs: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/**
 * A Go duration (time.ParseDuration): "300ms", "1.5s", "1m30s", "250us"/"250µs", "0". Returns ns.
 */
export function parseDuration(what: string, v: string): number {
  const s = v.trim();
  if (s === '0') return 0;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;
  let i = 0;
  let total = 0;
  while (i < s.length) {
    re.lastIndex = i;
    const m = re.exec(s);
    if (!m) break;
    total += Number(m[1]) * unitNs[m[2]!]!;
    i = re.lastIndex;
  }
  if (s.length === 0 || i !== s.length) {
    const hint = /^\d+(\.\d+)?$/.test(s) ? ` (missing unit: e.g. ${s}ms or ${s}s)` : ' (use a Go duration such as 300ms, 1.5s, 2m)';
    throw new UsageError(`${what}: invalid duration "${v}"${hint}`);
  }
  return Math.round(total);
}

/**
 * A --cost value: a plain number, or (unless the parameter is a plain number only: a fraction, a
 * per-byte rate) a Go duration such as 50us, in ns. NaN when it is neither (the caller says why).
 */
function costFlagValue(key: string, val: string, plainOnly: boolean): number {
  if (/^\d+(\.\d+)?$/.test(val.trim())) return Number(val);
  if (plainOnly) return NaN;
  try {
    return parseDuration(`--cost ${key}`, val);
  } catch {
    return NaN;
  }
}

/**
 * `--cost key=value` (value in ns, or a Go duration such as 50us; a plain number for the fractions):
 * the runtime's cost parameters. The simulated kernel's I/O costs (src/sys/costs.ts), which a Go
 * program's system calls pay, take the same flag: parseIoCost picks those out.
 */
export function parseCost(items: string[]): Partial<CostModel> {
  const out: Partial<CostModel> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`--cost ${item}: expected name=value (for example --cost threadCreate=80000)`);
    const key = item.slice(0, eq);
    const val = item.slice(eq + 1);
    if ((ioCostNames as string[]).includes(key)) continue;
    if (!(costNames as string[]).includes(key)) {
      throw new UsageError(`--cost ${key}: unknown cost parameter (runtime: ${costNames.join(', ')}; I/O of the simulated kernel, for Go programs: ${ioCostNames.join(', ')})`);
    }
    const k = key as keyof CostModel;
    const ns = costFlagValue(key, val, isFractionCost(k));
    const err = costValueError(k, ns);
    // A flag may also be a Go duration (the library and config.cost take numbers).
    if (err !== null) throw new UsageError(`--cost ${key}=${val}: ${isFractionCost(k) ? err : err.replace(/nanoseconds$/, 'nanoseconds or a Go duration (e.g. 50us)')}`);
    out[k] = ns;
  }
  return out;
}

/**
 * The `--cost` items that set the simulated kernel's I/O costs (value in ns or a Go duration; the
 * per-byte rates in ns per byte, a plain number). Other items are parseCost's.
 */
export function parseIoCost(items: string[]): Partial<IoCosts> {
  const out: Partial<IoCosts> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) continue; // parseCost reports it
    const key = item.slice(0, eq);
    if (!(ioCostNames as string[]).includes(key)) continue;
    const k = key as keyof IoCosts;
    const val = item.slice(eq + 1);
    const v = costFlagValue(key, val, perByteIoCosts.has(k));
    const err = ioCostValueError(k, v);
    if (err !== null) throw new UsageError(`--cost ${key}=${val}: ${perByteIoCosts.has(k) ? err : err.replace(/nanoseconds$/, 'nanoseconds or a Go duration (e.g. 500us)')}`);
    out[k] = v;
  }
  return out;
}

/** The GODEBUG environment variable: errors are fatal, unmodelled keys are warnings. */
export function parseGodebugEnv(value: string | undefined): { flags: Partial<GodebugFlags>; warnings: string[] } {
  if (value === undefined || value === '') return { flags: {}, warnings: [] };
  const { flags, errors, ignored } = parseGODEBUG(value);
  if (errors.length > 0) throw new UsageError(`malformed GODEBUG="${value}": ${errors[0]}`);
  const warnings = ignored.filter((k) => !(libraryGodebugKeys as readonly string[]).includes(k)).map((k) => `gmpsim: warning: GODEBUG=${k}=…: gmpsim does not model "${k}" and ignores it (modelled: ${godebugKeys.join(', ')})`);
  const set: Partial<GodebugFlags> = {};
  for (const part of value.split(',')) {
    const key = part.slice(0, part.indexOf('='));
    if ((godebugKeys as readonly string[]).includes(key)) (set as Record<string, unknown>)[key] = flags[key as keyof GodebugFlags];
  }
  return { flags: set, warnings };
}

/** The GOMAXPROCS environment variable. Unset or empty: undefined. */
export function parseGomaxprocsEnv(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  // Go (runtime.schedinit) silently ignores a value that is not a positive integer; gmpsim rejects
  // it so a typo does not quietly run a different experiment.
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) {
    throw new UsageError(`GOMAXPROCS="${value}": must be a positive integer (Go would silently ignore it and use NumCPU; gmpsim refuses, to keep experiments honest)`);
  }
  return gomaxprocsValue('GOMAXPROCS', value);
}

/** A comma-separated list ("1,2,4,8"). */
export function parseList<T>(what: string, v: string, each: (what: string, s: string) => T): T[] {
  const parts = v.split(',').map((s) => s.trim());
  if (parts.some((s) => s === '')) throw new UsageError(`${what}: empty item in the list "${v}"`);
  return parts.map((s) => each(what, s));
}

/**
 * --plot's file: the right extension, and a place we can write to, checked before the run (a run
 * can take minutes; finding out afterwards that the plot cannot be written wastes them).
 */
export function checkPlotPath(p: string | undefined): void {
  checkOutPath('--plot', p, /\.(svg|html?)$/i, '.svg or .html');
}

/** --perfetto's file, checked before the run as --plot's is. */
export function checkPerfettoPath(p: string | undefined): void {
  checkOutPath('--perfetto', p, /\.json$/i, '.json');
}

/** --trace's file (a Go execution trace: `go test -trace` names it trace.out), checked before the run. */
export function checkGoTracePath(p: string | undefined): void {
  checkOutPath('--trace', p, /\.(trace|out)$/i, '.trace or .out');
}

function checkOutPath(flag: string, p: string | undefined, ext: RegExp, exts: string): void {
  if (p === undefined) return;
  if (!ext.test(p)) throw new UsageError(`${flag} ${p}: the file name must end in ${exts}`);
  const dir = path.dirname(path.resolve(p));
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch {
    throw new UsageError(`${flag} ${p}: the directory ${dir} does not exist`);
  }
  if (!st.isDirectory()) throw new UsageError(`${flag} ${p}: ${dir} is not a directory`);
  try {
    fs.accessSync(fs.existsSync(p) ? p : dir, fs.constants.W_OK);
  } catch {
    throw new UsageError(`${flag} ${p}: cannot write there (permission denied)`);
  }
  if (fs.existsSync(p) && fs.statSync(p).isDirectory()) throw new UsageError(`${flag} ${p}: is a directory`);
}
