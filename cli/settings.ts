/**
 * The settings of one run, resolved from (highest precedence first) command-line flags, the
 * environment (GOMAXPROCS, GODEBUG), the workload's exported `config`, and the defaults.
 */
import { costsFor, costValueError, defaultGodebug, defaultGOMAXPROCS, defaultMaxEvents, defaultNcpu, defaultRelease, costNames, normalizeQuota, parseGoRelease, profiles, quotaAt, type CostModel, type IoCosts, type CpuQuotaStep, type GodebugFlags, type GoRelease } from '../src/index.js';
import { gcOptionsFromEnv, type GCOptions } from '../src/index.js';
import type { Instance, WorkloadConfig } from './load.js';
import { UsageError, maxSimulatedProcs, gomaxprocsValue, nonNegativeInt, parseCost, parseDuration, parseGodebugEnv, parseGomaxprocsEnv, parseIoCost, positiveInt } from './options.js';

/** Flags shared by `run` and `sweep` (raw strings from commander). */
export interface RunFlags {
  /** --go: one release (run's A/B list is split by the caller). */
  go?: string;
  /** --cpu-quota: cores, or steps `4,1.5@2s`. */
  cpuQuota?: string;
  gomaxprocs?: string;
  ncpu?: string;
  seed?: string;
  until?: string;
  maxEvents?: string;
  cost?: string[];
  param?: string[];
  timeout?: string;
  maxHeap?: string;
}

/** --timeout's default, as `go test -timeout`'s: 10 minutes of wall-clock time. */
export const defaultTimeoutMs = 10 * 60 * 1000;

export interface Settings {
  /** The Go release the run follows (--go, config.go, or defaultRelease). */
  go: GoRelease;
  /** GOMAXPROCS at start: the user's (flag, environment, config), or the release's default. */
  gomaxprocs: number;
  /** GOMAXPROCS was set by the user (passed to the engine; Go 1.25+ then never updates it). */
  gomaxprocsSet: boolean;
  /** The simulated cgroup CPU limit's steps (empty: none). */
  cpuQuota: CpuQuotaStep[];
  ncpu: number;
  seed: number;
  godebug: GodebugFlags;
  /** Simulated-time budget (ns), null = none. */
  until: number | null;
  maxEvents: number;
  /** Wall-clock budget (ms) of one run; 0 = none (--timeout). */
  timeoutMs: number;
  /** Memory budget (MiB) of one run (--max-heap); null = V8's heap limit in this process. */
  maxHeapMiB: number | null;
  /** The full cost model used (defaults with overrides applied). */
  cost: CostModel;
  /** Only the overridden cost parameters. */
  costOverrides: Partial<CostModel>;
  /** The simulated kernel's I/O costs given with --cost (a Go program's compilation takes them: load.ts). */
  ioCostOverrides: Partial<IoCosts>;
  linksOS: boolean;
  /** The binary is cgo-linked (RunOptions.linksCgo). */
  linksCgo: boolean;
  /** Workload parameters after --param (the workload's `params` export with overrides). */
  params: Record<string, unknown>;
  /** GOGC and GOMEMLIMIT from the environment (runtime/mgc.ts gcOptionsFromEnv). */
  gc: GCOptions;
}

const configKeys = ['go', 'cpuQuota', 'gomaxprocs', 'ncpu', 'seed', 'linksOS', 'linksCgo', 'godebug', 'cost', 'until', 'maxEvents'];

function configError(file: string, msg: string): UsageError {
  return new UsageError(`${file}: config.${msg}`, 1);
}

function checkConfig(file: string, c: WorkloadConfig): void {
  for (const k of Object.keys(c)) {
    if (!configKeys.includes(k)) throw configError(file, `${k}: unknown setting (known: ${configKeys.join(', ')})`);
  }
  const posInt = (k: keyof WorkloadConfig, max = Number.MAX_SAFE_INTEGER): void => {
    const v = c[k];
    if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > max)) throw configError(file, `${k}: must be an integer from 1 to ${max}, got ${JSON.stringify(v)}`);
  };
  if (c.go !== undefined) {
    const r = typeof c.go === 'string' ? parseGoRelease(c.go) : { error: `must be a string such as "1.26", got ${JSON.stringify(c.go)}` };
    if ('error' in r) throw configError(file, `go: ${r.error}`);
  }
  if (c.cpuQuota !== undefined && (typeof c.cpuQuota !== 'number' || !(c.cpuQuota > 0) || !Number.isFinite(c.cpuQuota))) throw configError(file, `cpuQuota: must be a positive number of cores such as 1.5, got ${JSON.stringify(c.cpuQuota)}`);
  posInt('gomaxprocs', maxSimulatedProcs);
  posInt('ncpu', maxSimulatedProcs);
  posInt('maxEvents');
  if (c.seed !== undefined && (typeof c.seed !== 'number' || !Number.isInteger(c.seed) || c.seed < 0)) throw configError(file, `seed: must be a non-negative integer`);
  if (c.linksOS !== undefined && typeof c.linksOS !== 'boolean') throw configError(file, `linksOS: must be true or false`);
  if (c.linksCgo !== undefined && typeof c.linksCgo !== 'boolean') throw configError(file, `linksCgo: must be true or false`);
  if (c.godebug !== undefined && typeof c.godebug !== 'string') throw configError(file, `godebug: must be a GODEBUG string such as "schedtrace=10"`);
  if (c.until !== undefined && typeof c.until !== 'number' && typeof c.until !== 'string') throw configError(file, `until: must be nanoseconds or a duration string such as "2s"`);
  if (c.cost !== undefined) {
    if (typeof c.cost !== 'object' || c.cost === null) throw configError(file, `cost: must be an object of cost parameters (ns)`);
    for (const [k, v] of Object.entries(c.cost)) {
      if (!(costNames as string[]).includes(k)) throw configError(file, `cost.${k}: unknown cost parameter (known: ${costNames.join(', ')})`);
      const err = typeof v === 'number' ? costValueError(k as keyof CostModel, v) : 'must be a number';
      if (err !== null) throw configError(file, `cost.${k}: ${err}`);
    }
  }
}

/** Resolve one run's settings. `gomaxprocsOverride` is a sweep cell's value. */
export function resolveSettings(
  file: string,
  flags: RunFlags,
  env: Record<string, string | undefined>,
  inst: Instance,
  warnings: string[],
): Settings {
  const config = inst.config;
  checkConfig(file, config);
  // GODEBUG: the workload's config.godebug first, then the environment's keys on top.
  const base = config.godebug ? parseGodebugEnv(config.godebug) : { flags: {}, warnings: [] };
  const fromEnv = parseGodebugEnv(env['GODEBUG']);
  warnings.push(...base.warnings, ...fromEnv.warnings);
  // Under both, a Go program's module defaults (its go.mod's go line: load.ts godebugDefault).
  const fromModule = inst.godebugDefault ? parseGodebugEnv(inst.godebugDefault).flags : {};
  const godebug: GodebugFlags = { ...defaultGodebug(), ...fromModule, ...base.flags, ...fromEnv.flags };

  const go = resolveGo(flags.go, config.go);
  const ncpu = flags.ncpu !== undefined ? gomaxprocsValue('--ncpu', flags.ncpu) : (config.ncpu ?? defaultNcpu);
  const cpuQuota = flags.cpuQuota !== undefined ? parseCpuQuota(flags.cpuQuota) : normalizeQuota(config.cpuQuota);
  const envProcs = parseGomaxprocsEnv(env['GOMAXPROCS']);
  const userProcs = flags.gomaxprocs !== undefined ? gomaxprocsValue('--gomaxprocs', flags.gomaxprocs) : (envProcs ?? config.gomaxprocs);
  const gomaxprocs = userProcs ?? defaultGOMAXPROCS(profiles[go], ncpu, quotaAt(cpuQuota, 0), godebug);
  const seed = flags.seed !== undefined ? nonNegativeInt('--seed', flags.seed) : (config.seed ?? 1);
  let until: number | null = null;
  if (flags.until !== undefined) until = parseDuration('--until', flags.until);
  else if (typeof config.until === 'string') until = parseDuration(`${file}: config.until`, config.until);
  else if (typeof config.until === 'number') until = config.until;
  const maxEvents = flags.maxEvents !== undefined ? positiveInt('--max-events', flags.maxEvents) : (config.maxEvents ?? defaultMaxEvents);
  const costOverrides: Partial<CostModel> = { ...(config.cost ?? {}), ...parseCost(flags.cost ?? []) };
  const timeoutMs = flags.timeout !== undefined ? parseDuration('--timeout', flags.timeout) / 1e6 : defaultTimeoutMs;
  const maxHeapMiB = flags.maxHeap !== undefined ? positiveInt('--max-heap', flags.maxHeap) : null;
  const params = applyParams(file, inst.params, flags.param ?? []);
  return {
    go,
    gomaxprocs,
    gomaxprocsSet: userProcs !== undefined,
    cpuQuota,
    ncpu,
    seed,
    godebug,
    until,
    maxEvents,
    timeoutMs,
    maxHeapMiB,
    cost: { ...costsFor(go), ...costOverrides },
    costOverrides,
    ioCostOverrides: parseIoCost(flags.cost ?? []),
    linksOS: config.linksOS ?? inst.linksOS ?? true,
    linksCgo: config.linksCgo ?? inst.linksCgo ?? false,
    params,
    gc: gcOptionsFromEnv(env),
  };
}

/** Split `name=value` (run) — values may be lists for sweeps, handled by the caller. */
export function splitParam(item: string): [string, string] {
  const eq = item.indexOf('=');
  if (eq <= 0) throw new UsageError(`--param ${item}: expected name=value`);
  return [item.slice(0, eq), item.slice(eq + 1)];
}

/** Convert a --param value to the type of the workload's default. */
export function coerceParam(file: string, params: Record<string, unknown> | null, name: string, raw: string): unknown {
  if (params === null) throw new UsageError(`--param ${name}: ${file} exports no params (add \`export const params = { ${name}: … }\`)`);
  if (!Object.prototype.hasOwnProperty.call(params, name)) {
    const known = Object.keys(params);
    throw new UsageError(`--param ${name}: unknown parameter (${file} has ${known.length ? known.join(', ') : 'none'})`);
  }
  const def = params[name];
  if (typeof def === 'number') {
    if (/^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(raw.trim())) return Number(raw);
    try {
      return parseDuration(`--param ${name}`, raw);
    } catch {
      throw new UsageError(`--param ${name}=${raw}: expected a number or a Go duration (the default is ${def})`);
    }
  }
  if (typeof def === 'boolean') {
    if (raw === 'true' || raw === '1') return true;
    if (raw === 'false' || raw === '0') return false;
    throw new UsageError(`--param ${name}=${raw}: expected true or false`);
  }
  if (typeof def === 'string') return raw;
  throw new UsageError(`--param ${name}: only number, boolean and string parameters can be set from the command line`);
}

function applyParams(file: string, params: Record<string, unknown> | null, items: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(params ?? {}) };
  for (const item of items) {
    const [name, raw] = splitParam(item);
    out[name] = coerceParam(file, params, name, raw);
  }
  return out;
}

/** The release of a run: --go (one release), else the workload's config.go, else defaultRelease. */
export function resolveGo(flag: string | undefined, config: string | undefined): GoRelease {
  const raw = flag ?? config;
  if (raw === undefined) return defaultRelease;
  const r = parseGoRelease(raw);
  if ('error' in r) throw new UsageError(`--go ${raw}: ${r.error}`);
  return r.release;
}

/**
 * --go's value for `run`: one release, or a comma-separated list for an A/B run ("1.19,1.26"); each
 * release at most once.
 */
export function parseGoList(v: string): GoRelease[] {
  const parts = v.split(',').map((x) => x.trim());
  if (parts.some((x) => x === '')) throw new UsageError(`--go ${v}: empty item in the list`);
  const out: GoRelease[] = [];
  for (const p of parts) {
    const r = parseGoRelease(p);
    if ('error' in r) throw new UsageError(`--go ${p}: ${r.error}`);
    if (out.includes(r.release)) throw new UsageError(`--go ${v}: Go ${r.release} is listed twice`);
    out.push(r.release);
  }
  return out;
}

/**
 * --cpu-quota: a CPU limit in cores ("1.5"), or one that changes during the run: "4,1.5@2s" (4 cores
 * from the start, 1.5 from 2 s of simulated time on; a step's time is a Go duration).
 */
export function parseCpuQuota(v: string): CpuQuotaStep[] {
  const steps: CpuQuotaStep[] = [];
  for (const item of v.split(',')) {
    const [c, at] = item.trim().split('@') as [string, string | undefined];
    if (!/^(\d+(\.\d*)?|\.\d+)$/.test(c) || !(Number(c) > 0)) throw new UsageError(`--cpu-quota ${v}: "${c}" is not a positive number of cores (e.g. --cpu-quota 1.5, or 4,1.5@2s)`);
    const t = at === undefined ? 0 : parseDuration('--cpu-quota', at);
    if (steps.length > 0 && t <= steps[steps.length - 1]!.at) throw new UsageError(`--cpu-quota ${v}: the steps' times must increase (e.g. 4,1.5@2s,3@5s)`);
    steps.push({ at: t, cores: Number(c) });
  }
  return steps;
}
