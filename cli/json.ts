/**
 * `gmpsim run --json`: one JSON object on stdout (schema "gmpsim-run/1", cli/summary-schema.md).
 * Program output is captured into it, not printed, so stdout is exactly one parseable object.
 */
import type { EventLog, GodebugFlags } from '../src/index.js';
import { formatSummary, summarySchemaId, type Summary } from '../src/views/summary.js';
import { execute } from './execute.js';
import type { Instance } from './load.js';
import type { Settings } from './settings.js';

export const runSchemaId = 'gmpsim-run/1';

export interface RunJson {
  schema: typeof runSchemaId;
  file: string;
  settings: {
    /** The Go release the run followed. */
    go: string;
    gomaxprocs: number;
    /** The simulated CPU limit's steps ({ atNs, cores }); empty: none. */
    cpuQuota: { atNs: number; cores: number }[];
    ncpu: number;
    seed: number;
    godebug: GodebugFlags;
    untilNs: number | null;
    maxEvents: number;
    linksOS: boolean;
    linksCgo: boolean;
    cost: Record<string, number>;
    /** The simulated kernel's I/O costs given with --cost (ns, per-byte rates in ns per byte); the rest are src/sys/costs.ts's defaults. */
    ioCost: Record<string, number>;
    params: Record<string, unknown>;
  };
  exit: { code: number; reason: string; message: string };
  stdout: string;
  stderr: string;
  /** Wall-clock time of the simulation (ms): the only field that differs between identical runs. */
  wallTimeMs: number;
  summary: Summary;
}

export function settingsJson(s: Settings): RunJson['settings'] {
  return {
    go: s.go,
    gomaxprocs: s.gomaxprocs,
    cpuQuota: s.cpuQuota.map((q) => ({ atNs: q.at, cores: q.cores })),
    ncpu: s.ncpu,
    seed: s.seed,
    godebug: { ...s.godebug },
    untilNs: s.until,
    maxEvents: s.maxEvents,
    linksOS: s.linksOS,
    linksCgo: s.linksCgo,
    cost: { ...s.cost },
    ioCost: { ...s.ioCostOverrides },
    params: { ...s.params },
  };
}

/** Run once and build the --json object; `afterRun` gets the stored log when `storeLog` (--plot, --perfetto, --trace). */
export function runJson(
  inst: Instance,
  settings: Settings,
  file: string,
  storeLog: boolean,
  afterRun: (log: EventLog, gomaxprocs: number) => void,
): { exitCode: number; text: string; summaryText: string } {
  let out = '';
  let err = '';
  const ex = execute(inst, settings, file, {
    write: (fd, text) => {
      if (fd === 1) out += text;
      else err += text;
    },
    summary: true,
    storeLog,
  });
  const r = ex.result;
  if (storeLog) afterRun(r.log, settings.gomaxprocs);
  const obj: RunJson = {
    schema: runSchemaId,
    file,
    settings: settingsJson(settings),
    exit: { code: r.exitCode, reason: r.reason, message: r.message },
    stdout: out,
    stderr: err,
    wallTimeMs: Math.round(ex.wallMs * 1000) / 1000,
    summary: ex.summary!,
  };
  void summarySchemaId;
  const summaryText = '\n' + formatSummary(ex.summary!, { file, exitCode: r.exitCode, reason: r.reason, wallMs: ex.wallMs });
  return { exitCode: r.exitCode, text: JSON.stringify(obj, null, 2), summaryText };
}
