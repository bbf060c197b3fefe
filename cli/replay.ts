/**
 * `gmpsim replay app.trace`: a real Go program's execution trace (go1.22+: runtime/trace, `go test
 * -trace`, /debug/pprof/trace) rebuilt as a workload (src/trace/reconstruct.ts) and run under the
 * chosen settings — the same flags, views and exit statuses as `gmpsim run`, plus the knobs of a
 * capacity question (--scale-cpu, --scale-syscalls, --scale-network) and --trace-cpus (the cores of
 * the machine the trace was recorded on). With --summary, the run's summary and the replay's figures
 * next to the traced run's; with --json, one object (schema gmpsim-replay/1).
 */
import * as fs from 'node:fs';
import { Runtime, defaultRelease, type EventLog } from '../src/index.js';
import { readGoTrace, traceErrorText, TraceFormatError, type GoTrace } from '../src/trace/reader.js';
import { nothingToReplay, reconstruct, replayConfig, replayMain } from '../src/trace/reconstruct.js';
import { formatWhatIf, whatIfReport } from '../src/trace/whatif.js';
import { formatSummary } from '../src/views/summary.js';
import { execute } from './execute.js';
import type { Instance } from './load.js';
import { LoadError, UsageError, parseIoCost } from './options.js';
import { resolveSettings, type RunFlags } from './settings.js';
import { settingsJson } from './json.js';
import { userEnv } from './env.js';

export type ReplayFlags = RunFlags & {
  summary?: boolean;
  json?: boolean;
  plot?: string;
  perfetto?: string;
  trace?: string;
  scaleCpu?: string;
  scaleSyscalls?: string;
  scaleNetwork?: string;
  traceCpus?: string;
  cpuProfileRate?: string;
  keepTracing?: boolean;
};

export const replaySchemaId = 'gmpsim-replay/1';

/** A positive finite factor (--scale-*). */
function factor(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const x = Number(v.trim());
  if (v.trim() === '' || !Number.isFinite(x) || x <= 0) throw new UsageError(`${flag} ${JSON.stringify(v)}: must be a positive number such as 0.5 or 5 (a factor applied to the traced times)`);
  return x;
}

/** Read and parse the trace; every failure is a LoadError (exit 1) saying what, where and what to do. */
export function loadTrace(file: string): GoTrace {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(fs.readFileSync(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new LoadError(`${file}: no such file (give the path of a Go execution trace, e.g. one written by runtime/trace.Start or \`go test -trace=app.trace\`)`);
    if (code === 'EISDIR') throw new LoadError(`${file}: is a directory, not a trace file`);
    throw new LoadError(`${file}: cannot read the file: ${code ?? (e as Error).message}`);
  }
  try {
    return readGoTrace(bytes);
  } catch (e) {
    if (!(e instanceof TraceFormatError)) throw e;
    throw new LoadError(`${file}: ${traceErrorText(e, bytes.length)}`);
  }
}

/** A trace as a workload instance with the default knobs (`gmpsim sweep app.trace`). */
export function traceInstance(file: string): Instance {
  const rec = reconstruct(loadTrace(file));
  if (rec.stats.goroutines === 0) throw new LoadError(`${file}: ${nothingToReplay}`);
  return {
    main: replayMain(rec) as Instance['main'],
    config: replayConfig(rec),
    params: null,
    Runtime: Runtime as unknown as Instance['Runtime'],
    linksOS: true,
  };
}

export function replayCommand(file: string, opts: ReplayFlags, after: (log: EventLog, gomaxprocs: number) => void): number {
  const scale = { cpu: factor('--scale-cpu', opts.scaleCpu), syscalls: factor('--scale-syscalls', opts.scaleSyscalls), network: factor('--scale-network', opts.scaleNetwork) };
  let traceCpus: number | undefined;
  if (opts.traceCpus !== undefined) {
    traceCpus = Number(opts.traceCpus.trim());
    if (!/^\d+$/.test(opts.traceCpus.trim()) || traceCpus < 1) throw new UsageError(`--trace-cpus ${JSON.stringify(opts.traceCpus)}: must be a positive integer (the cores of the machine the trace was recorded on)`);
  }
  let cpuProfileRate: number | undefined;
  if (opts.cpuProfileRate !== undefined) {
    cpuProfileRate = Number(opts.cpuProfileRate.trim());
    if (!/^\d+$/.test(opts.cpuProfileRate.trim()) || cpuProfileRate < 1) throw new UsageError(`--cpu-profile-rate ${JSON.stringify(opts.cpuProfileRate)}: must be a positive integer (samples per second of CPU; runtime/pprof's default is 100)`);
  }
  const t = loadTrace(file);
  const rec = reconstruct(t, { ...(traceCpus !== undefined ? { traceCpus } : {}), ...(cpuProfileRate !== undefined ? { cpuProfileRate } : {}), keepTracing: opts.keepTracing === true });
  if (rec.stats.goroutines === 0) throw new LoadError(`${file}: ${nothingToReplay}`);
  let startNs = 0;
  const inst: Instance = {
    main: replayMain(rec, scale, { started: (ns) => (startNs = ns) }) as Instance['main'],
    config: replayConfig(rec),
    params: null,
    Runtime: Runtime as unknown as Instance['Runtime'],
    linksOS: true,
  };
  const io = Object.keys(parseIoCost(opts.cost ?? []));
  if (io.length > 0) throw new UsageError(`--cost ${io[0]}: an I/O cost of the simulated kernel, which Go programs' system calls pay; a trace replay takes its system calls' durations from the trace (scale them with --scale-syscalls)`);
  const warnings: string[] = [];
  const settings = resolveSettings(file, opts, userEnv, inst, warnings);
  for (const w of warnings) process.stderr.write(w + '\n');
  let out = '';
  let err = '';
  const ex = execute(inst, settings, file, {
    write: (fd, text) => {
      if (opts.json) {
        if (fd === 1) out += text;
        else err += text;
      } else void (fd === 1 ? process.stdout : process.stderr).write(text);
    },
    summary: true,
    storeLog: true,
  });
  const r = ex.result;
  after(r.log, settings.gomaxprocs);
  const report = whatIfReport(t, rec, r.log, startNs, r.simTime, ex.summary?.threads.peak ?? null);
  if (opts.json) {
    const obj = {
      schema: replaySchemaId,
      file,
      traceVersion: `go1.${t.version}`,
      settings: { ...settingsJson(settings), scale: { cpu: scale.cpu ?? 1, syscalls: scale.syscalls ?? 1, network: scale.network ?? 1 }, traceCpus: traceCpus ?? 2, cpuFactor: rec.cpuFactor, keepTracing: opts.keepTracing === true },
      exit: { code: r.exitCode, reason: r.reason, message: r.message },
      stdout: out,
      stderr: err,
      ...report,
      summary: ex.summary,
    };
    process.stdout.write(JSON.stringify(obj, null, 2) + '\n');
    return r.exitCode;
  }
  if (r.message) process.stderr.write(r.message + '\n');
  if (opts.summary && ex.summary) {
    process.stderr.write('\n' + formatSummary(ex.summary, { file, exitCode: r.exitCode, reason: r.reason, wallMs: ex.wallMs, go: settings.go !== defaultRelease ? settings.go : undefined }));
    process.stderr.write('\n' + formatWhatIf(report, file));
  }
  return r.exitCode;
}
