/**
 * Parsing and validation of everything a user types: flags, environment variables, the workload's
 * `config` export. Every failure is a UsageError: one line, `gmpsim: …`, exit status 2.
 */
import { costNames, costDocs, isFractionCost, parseGODEBUG, type CostModel, type GodebugFlags } from '../src/index.js';

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
  constructor(message: string, raw = false) {
    super(message, 1);
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

/** GOMAXPROCS as the runtime accepts it: 1..1024 (Go caps larger values at _MaxGomaxprocs = 1024). */
export function gomaxprocsValue(what: string, v: string): number {
  const n = positiveInt(what, v);
  if (n > 1024) throw new UsageError(`${what}: ${n} is more than Go's limit of 1024 Ps`);
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

/** `--cost key=value` (value in ns, or a Go duration such as 50us). */
export function parseCost(items: string[]): Partial<CostModel> {
  const out: Partial<CostModel> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`--cost ${item}: expected name=value (for example --cost threadCreate=80000)`);
    const key = item.slice(0, eq);
    const val = item.slice(eq + 1);
    if (!(costNames as string[]).includes(key)) {
      throw new UsageError(`--cost ${key}: unknown cost parameter (known: ${costNames.join(', ')})`);
    }
    let ns: number;
    if (/^\d+(\.\d+)?$/.test(val.trim())) ns = Number(val);
    else {
      try {
        ns = parseDuration(`--cost ${key}`, val);
      } catch {
        throw new UsageError(`--cost ${key}=${val}: the value must be a non-negative number of nanoseconds or a Go duration (e.g. 50us)`);
      }
    }
    if (!Number.isFinite(ns) || ns < 0) throw new UsageError(`--cost ${key}=${val}: the value must be a non-negative number of nanoseconds`);
    if (isFractionCost(key as keyof CostModel) && (!/^\d+(\.\d+)?$/.test(val.trim()) || ns > 2)) {
      throw new UsageError(`--cost ${key}=${val}: the value is a fraction from 0 to 2 (${costDocs[key as keyof CostModel]})`);
    }
    out[key as keyof CostModel] = ns;
  }
  return out;
}

/** The GODEBUG environment variable: errors are fatal, unmodelled keys are warnings. */
export function parseGodebugEnv(value: string | undefined): { flags: Partial<GodebugFlags>; warnings: string[] } {
  if (value === undefined || value === '') return { flags: {}, warnings: [] };
  const { flags, errors, ignored } = parseGODEBUG(value);
  if (errors.length > 0) throw new UsageError(`malformed GODEBUG="${value}": ${errors[0]}`);
  const warnings = ignored.map((k) => `gmpsim: warning: GODEBUG=${k}=…: gmpsim does not model "${k}" and ignores it (modelled: schedtrace, scheddetail, asyncpreemptoff)`);
  const set: Partial<GodebugFlags> = {};
  for (const part of value.split(',')) {
    const key = part.slice(0, part.indexOf('='));
    if (key === 'schedtrace') set.schedtrace = flags.schedtrace;
    else if (key === 'scheddetail') set.scheddetail = flags.scheddetail;
    else if (key === 'asyncpreemptoff') set.asyncpreemptoff = flags.asyncpreemptoff;
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
