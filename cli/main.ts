/**
 * The `gmpsim` command. See cli/README-cli.md for the reference.
 *
 *   gmpsim run <workload.ts|prog.go|dir> [flags]     run like `go run`
 *   gmpsim sweep <workload.ts> --gomaxprocs 1,2,4   run a grid of settings in parallel
 *   gmpsim replay <app.trace> [flags]                 a real program's execution trace, replayed under other settings
 *
 * Exit status: the program's (Go's: 0, 2 for fatal errors and panics, os.Exit's code; 124 when
 * gmpsim stopped it at a budget or a hang), 1 when the workload cannot be loaded (missing file,
 * syntax error, no main), 2 for a Go compile error (as go1.19's `go run`), 2 for usage errors
 * (flags, GOMAXPROCS, GODEBUG), 70 for an internal gmpsim error.
 */
import type { CalibrateFlags } from './calibrate.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command, CommanderError } from 'commander';
import { defaultCosts, releaseCosts, costNames, costDocs, isFractionCost, defaultRelease, fallbackRelease, goReleases, profiles, defaultIoCosts, ioCostNames, ioCostDocs, perByteIoCosts, type GoRelease } from '../src/index.js';
import { formatSummary, formatSummaryAB, type SummaryColumn } from '../src/views/summary.js';
import { loadWorkload } from './load.js';
import { LoadError, UsageError, checkGoTracePath, checkPerfettoPath, checkPlotPath, parseIoCost } from './options.js';
import type { EventLog } from '../src/log/events.js';
import { parseGoList, resolveSettings, type RunFlags } from './settings.js';
import { execute, heapBudget } from './execute.js';
import { spawnSync } from 'node:child_process';
import type { SweepFlags } from './sweep.js';
import { runJson } from './json.js';
import { userEnv } from './env.js';
import { replayCommand, type ReplayFlags } from './replay.js';

const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const collect = (v: string, prev: string[] | undefined): string[] => (prev ?? []).concat([v]);

function costHelp(): string {
  const w = Math.max(...costNames.map((k) => k.length));
  const unit = (k: keyof typeof defaultCosts): string => (isFractionCost(k) ? '' : ' ns');
  // A later release's own defaults where its code costs differ (src/runtime/cost.ts releaseCosts).
  const later = (k: keyof typeof defaultCosts): string =>
    goReleases.filter((r) => releaseCosts[r][k] !== undefined && releaseCosts[r][k] !== defaultCosts[k]).map((r) => ` (go${r}: ${releaseCosts[r][k]}${unit(k)})`).join('');
  return costNames.map((k) => `  ${k.padEnd(w)}  ${String(defaultCosts[k]).padStart(6)}${isFractionCost(k) ? '   ' : ' ns'}  ${costDocs[k]}${later(k)}`).join('\n');
}

/** The simulated kernel's I/O costs (src/sys/costs.ts): what a Go program's system calls pay. */
function ioCostHelp(): string {
  const w = Math.max(...ioCostNames.map((k) => k.length));
  return ioCostNames.map((k) => `  ${k.padEnd(w)}  ${String(defaultIoCosts[k]).padStart(6)}${perByteIoCosts.has(k) ? ' ns/B' : ' ns  '}  ${ioCostDocs[k]}`).join('\n');
}

/** What --go's help says: the releases, the default and why it is the default. */
function goHelp(list: boolean): string {
  const pending = goReleases.filter((r) => !profiles[r].validated);
  const why = profiles[defaultRelease].validated
    ? `the newest release whose conformance suite passes on its real toolchain (≥ 95 %)` + (pending.length > 0 ? `; ${pending.join(', ')} ${pending.length > 1 ? 'are' : 'is'} modelled but not yet validated` : '')
    : `${fallbackRelease.why}; no release is validated yet (≥ 95 % of its conformance checks: docs/fidelity.md)`;
  return `Go release whose runtime the simulation follows: ${goReleases.join(' or ')} (also go1.26, 1.26.8)${list ? '; two, comma-separated (1.19,1.26), run both and compare them (A/B)' : ''}. Default ${defaultRelease}: ${why}`;
}

const envHelp = `
Environment:
  GOMAXPROCS=n     number of Ps, as in Go (a positive integer; gmpsim rejects 0 and junk,
                   which Go would silently ignore). --gomaxprocs takes precedence.
  GODEBUG=k=v,…    schedtrace=N (SCHED line every N ms on stderr), scheddetail=1 (long form),
                   asyncpreemptoff=1 (no signal preemption), gctrace=1, gcpacertrace=1; Go 1.23+:
                   asynctimerchan=1 (pre-1.23 channel timers); Go 1.25+: updatemaxprocs=0 (GOMAXPROCS
                   never follows the CPU limit), containermaxprocs=0 (the default ignores it).
                   A directory in a module also takes the defaults of its go.mod's go line.
                   Other Go keys are ignored with a warning; a malformed value is an error.`;

const exitHelp = `
Exit status:
  the program's, as Go gives it: 0 (main returned), 2 (fatal error, panic), n (os.Exit(n));
  124 gmpsim stopped the program (--until, --max-events, --timeout or --max-heap budget; a goroutine
      that never yields; or it would hang forever)
  1   the workload could not be loaded (missing file, syntax error, no exported main; a .go file
      that is not Go source: empty, binary)
  2   usage error (unknown flag, bad value, bad GOMAXPROCS or GODEBUG); a Go compile error
      (\`# command-line-arguments\` and file:line:col lines, as go1.19's \`go run\`)
  70  internal gmpsim error`;

function commonRunOptions(cmd: Command, sweep: boolean, goText?: string): Command {
  return cmd
    .option(sweep || goText !== undefined ? '--go <release>' : '--go <release[,release]>', goText ?? goHelp(!sweep))
    .option('--cpu-quota <cores>', "a simulated cgroup CPU limit in cores (cpu.max quota/period), e.g. 1.5; it caps the CPU the threads get, and from Go 1.25 the default GOMAXPROCS (min(ncpu, max(2, ceil(limit)))). A limit that changes: 4,1.5@2s")
    .option(sweep ? '--gomaxprocs <list>' : '--gomaxprocs <n>', sweep ? 'GOMAXPROCS values to sweep, e.g. 1,2,4,8' : 'number of Ps (default: $GOMAXPROCS, config.gomaxprocs, or --ncpu)')
    .option('--ncpu <n>', 'cores of the simulated machine: runtime.NumCPU(), shared by the threads that compute (default 2, the reference machine the costs were measured on)')
    .option(sweep ? '--seed <list>' : '--seed <n>', sweep ? 'seeds of the runtime\'s random choices to sweep, e.g. 1,2,3' : 'seed of the runtime\'s random choices: steal order, select (default 1)')
    .option('--until <duration>', 'stop at this simulated time (Go duration: 300ms, 1.5s); exit 124')
    .option('--max-events <n>', `stop after this many simulation events; exit 124 (default ${50_000_000})`)
    .option('--timeout <duration>', `wall-clock budget of ${sweep ? 'each run' : 'the run'}, as go test's -timeout (0 = none); exit 124 (default 10m)`)
    .option('--max-heap <MiB>', `memory budget of ${sweep ? 'each run' : 'the run'} in MiB; stops the run before Node runs out of heap; exit 124 (default: Node's heap limit)`)
    .option('--cost <name=value>', 'override a cost parameter, in ns or as a duration (repeatable; see below)', collect)
    .option(sweep ? '--param <name=v1,v2,…>' : '--param <name=value>', sweep ? 'values of a workload parameter to sweep (repeatable)' : 'set a workload parameter (its exported `params`; repeatable)', collect)
    .option('--json', sweep ? 'print the results as one JSON object' : 'print one JSON object (settings, exit, program output, summary) instead of the program output')
    .option('--plot <file.svg|file.html>', sweep ? 'draw the results against GOMAXPROCS' : 'draw threads, goroutine states and run queues over simulated time');
}

function buildProgram(): Command {
  const program = new Command();
  program
    .name('gmpsim')
    .description(`Run a workload on a deterministic simulation of the Go scheduler (G/M/P, syscalls, netpoller, sysmon) of Go ${goReleases.join(' or ')} (default ${defaultRelease}).`)
    .version(pkg.version, '-v, --version', 'print the gmpsim version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeErr: () => {}, outputError: () => {} })
    .addHelpText('after', `\nRun \`gmpsim run --help\` for the flags, the environment and the cost parameters.\n${exitHelp}`);

  const run = commonRunOptions(
    program
      .command('run')
      .description('run a workload like `go run`: program output on stdout, runtime output on stderr, Go\'s exit status')
      .argument('<file>', 'workload: a .ts/.js file exporting `function* main()`, or Go sources (.go file or directory)')
      .argument('[args...]', "a Go program's arguments (os.Args[1:]), as with go run; put them after -- when they start with -")
      .exitOverride()
      .configureOutput({ writeErr: () => {}, outputError: () => {} }),
    false,
  )
    .option('--summary', 'after the run, print a summary of what the runtime did on stderr (includes wall time)')
    .option('--perfetto <file.json>', 'write the run as a trace-event JSON file for Perfetto (ui.perfetto.dev) or chrome://tracing: a track per P, thread and goroutine, counters, flow arrows')
    .option('--trace <file.trace>', "write the run in Go's execution-trace format (as go1.26 writes it): open it with `go tool trace file.trace`");
  run.addHelpText('after', `${envHelp}\n\nCost parameters (--cost name=value; value in ns or a Go duration such as 50us):\n${costHelp()}\n\nI/O costs of the simulated kernel, paid by a Go program's system calls (the same --cost flag;\nthe per-byte rates take ns per byte, e.g. --cost missReadPerByte=5 for a disk ≈ 3.6× slower):\n${ioCostHelp()}\n${exitHelp}\n`);
  run.action(async (file: string, args: string[], opts: RunCommandFlags) => {
    process.exitCode = await runCommand(file, args, opts);
  });

  const sweep = commonRunOptions(
    program
      .command('sweep')
      .description('run a workload over a grid of GOMAXPROCS values, seeds and parameters, in parallel; print a table')
      .argument('<file...>', 'workload (.ts/.js); with --merge, the shard files to combine')
      .exitOverride()
      .configureOutput({ writeErr: () => {}, outputError: () => {} }),
    true,
  )
    .option('-j, --jobs <n>', 'worker threads (default: os.availableParallelism())')
    .option('--shard <K/N>', 'run only the K-th of N slices of the grid (cells K, K+N, K+2N, … in grid order); use with --out')
    .option('--out <file.jsonl>', "write the cells' results as JSON lines to this file (for --merge) instead of printing them")
    .option('--merge', 'combine shard files written with --out into the table (or --json, --plot) of the whole grid');
  sweep.addHelpText(
    'after',
    `${envHelp}\n\nCost parameters: see \`gmpsim run --help\`.\n\nA grid too big for one machine: run \`gmpsim sweep w.ts … --shard K/N --out shard-K.jsonl\` for K = 1…N\n(on N machines, with the same flags), then \`gmpsim sweep --merge shard-*.jsonl\`.\n\nExit status: 0 when every cell ran (each cell's own exit status is in the table), 1/2 as for run.\n`,
  );
  sweep.action(async (files: string[], opts: SweepFlags) => {
    const { mergeCommand, sweepCommand } = await import('./sweep.js');
    if (opts.merge) {
      process.exitCode = mergeCommand(files, opts);
      return;
    }
    if (files.length !== 1) throw new UsageError(`sweep: give one workload file (got ${files.length}; --merge combines shard files)`);
    process.exitCode = await sweepCommand(files[0]!, opts);
  });

  const replay = commonRunOptions(
    program
      .command('replay')
      .description("replay a real Go program's execution trace (go1.22+: runtime/trace, go test -trace, /debug/pprof/trace) as a workload, under other settings: what if it ran at another GOMAXPROCS, on another release, with slower disks?")
      .argument('<file.trace>', 'a Go execution trace')
      .exitOverride()
      .configureOutput({ writeErr: () => {}, outputError: () => {} }),
    false,
    `Go release whose runtime the replay follows: ${goReleases.join(' or ')} (also go1.26, 1.26.8). Default 1.26: a go1.22+ trace is replayed on the newest release gmpsim models`,
  )
    .option('--scale-cpu <factor>', 'multiply every CPU burst (e.g. 2: a CPU twice as slow)')
    .option('--scale-syscalls <factor>', "multiply every system call's kernel time (e.g. 5: a disk 5× slower)")
    .option('--scale-network <factor>', 'multiply every network wait (e.g. 0.5: a peer that answers twice as fast)')
    .option('--trace-cpus <n>', 'cores of the machine the trace was recorded on: a goroutine that ran while more threads wanted a core than there were cores got a share of one (default 2)')
    .option('--keep-tracing', "also replay runtime/trace's and runtime/pprof's own goroutines (the trace and profile writers, and the tracer's timers), as the traced run had them: to compare with runs that were traced too")
    .option('--cpu-profile-rate <hz>', "the CPU profile's rate when runtime/pprof ran with the trace (its samples measure the CPU the program really got; default 100, pprof's)")
    .option('--summary', "after the run, print gmpsim's summary and the replay next to the traced run on stderr")
    .option('--perfetto <file.json>', 'write the replay as a trace-event JSON file for Perfetto')
    .option('--trace <file.trace>', "write the replay in Go's execution-trace format (go1.26): `go tool trace file.trace`");
  replay.addHelpText(
    'after',
    `\nGOMAXPROCS defaults to the traced value (its first ProcsChange); --gomaxprocs or $GOMAXPROCS override it.\nWhat the replay keeps and what it cannot know: see src/trace/reconstruct.ts.\n\nExit status: the replayed program's (0 when its main returns); 1 when the trace cannot be read\n(missing, truncated, corrupt, a pre-1.22 format); 2 for usage errors.\n`,
  );
  replay.action(async (file: string, opts: ReplayFlags) => {
    checkPlotPath(opts.plot);
    checkPerfettoPath(opts.perfetto);
    checkGoTracePath(opts.trace);
    if (opts.go !== undefined && parseGoList(opts.go).length > 1) throw new UsageError('replay: give one --go release');
    const go = opts.go !== undefined ? parseGoList(opts.go)[0]! : defaultRelease;
    process.exitCode = replayCommand(file, opts, await logViewsAfterRun(opts, file, go, `replay of ${file}`));
  });

  program
    .command('calibrate')
    .description('measure the cost model on this machine with real Go (needs a Go toolchain); print --cost flags')
    .option('--go <path>', 'the go command to use (default: go on PATH, else /usr/lib/go-1.19/bin/go)')
    .option('--runs <n>', 'runs of the calibration program; medians are used, the spread shown (default 5)')
    .option('--json', 'print the measurements and parameters as JSON')
    .exitOverride()
    .configureOutput({ writeErr: () => {}, outputError: () => {} })
    .action(async (opts: CalibrateFlags) => {
      const { calibrateCommand } = await import('./calibrate.js');
      process.exitCode = calibrateCommand(opts);
    });
  return program;
}

type RunCommandFlags = RunFlags & { summary?: boolean; json?: boolean; plot?: string; perfetto?: string; trace?: string };

async function runCommand(file: string, args: string[], opts: RunCommandFlags): Promise<number> {
  checkPlotPath(opts.plot);
  checkPerfettoPath(opts.perfetto);
  checkGoTracePath(opts.trace);
  const releases = opts.go !== undefined ? parseGoList(opts.go) : null;
  if (releases !== null && releases.length > 1) return runAB(file, args, opts, releases);
  const storeLog = opts.plot !== undefined || opts.perfetto !== undefined || opts.trace !== undefined;
  const loaded = await loadWorkload(file, args, releases?.[0], parseIoCost(opts.cost ?? []));
  const inst = loaded.first ?? (await loaded.instantiate());
  const warnings: string[] = [];
  const settings = resolveSettings(file, opts, userEnv, inst, warnings);
  for (const w of warnings) process.stderr.write(w + '\n');
  const afterRun = await logViewsAfterRun(opts, file, settings.go, file);
  if (opts.json) {
    // The JSON always holds the summary; --summary also prints it for people, on stderr as without --json.
    const { exitCode, text, summaryText } = runJson(inst, settings, file, storeLog, afterRun);
    process.stdout.write(text + '\n');
    if (opts.summary) process.stderr.write(summaryText);
    return exitCode;
  }
  const ex = execute(inst, settings, file, {
    write: (fd, text) => void (fd === 1 ? process.stdout : process.stderr).write(text),
    summary: !!opts.summary,
    storeLog,
  });
  const r = ex.result;
  if (r.message) process.stderr.write(r.message + '\n');
  if (storeLog) afterRun(r.log, settings.gomaxprocs);
  if (ex.summary) process.stderr.write('\n' + formatSummary(ex.summary, { file, exitCode: r.exitCode, reason: r.reason, wallMs: ex.wallMs, go: settings.go !== defaultRelease ? settings.go : undefined }));
  return r.exitCode;
}

/**
 * An A/B run (`--go 1.19,1.26`): the same workload and settings under each release, one after the
 * other, each from a fresh instance. Each run's output is captured and printed under a
 * `==> Go 1.19 <==` header (on stdout before its stdout, on stderr before its stderr, as head(1)
 * marks files), then with --summary the side-by-side summary on stderr; with --json one object
 * { schema: "gmpsim-ab/1", runs: [one gmpsim-run/1 object per release] }. Exit status: the first
 * non-zero one of the runs, in --go order (0 when all exit 0).
 */
async function runAB(file: string, args: string[], opts: RunCommandFlags, releases: GoRelease[]): Promise<number> {
  if (opts.plot) throw new UsageError('--plot draws one run: give one --go release (an A/B run compares summaries: --summary)');
  if (opts.perfetto) throw new UsageError('--perfetto writes one run: give one --go release (an A/B run compares summaries: --summary)');
  if (opts.trace) throw new UsageError('--trace writes one run: give one --go release (an A/B run compares summaries: --summary)');
  const loaded = await loadWorkload(file, args, releases[0], parseIoCost(opts.cost ?? []));
  const cols: SummaryColumn[] = [];
  const jsons: unknown[] = [];
  let exit = 0;
  for (let i = 0; i < releases.length; i++) {
    const go = releases[i]!;
    const inst = i === 0 && loaded.first ? loaded.first : await loaded.instantiate();
    const warnings: string[] = [];
    const settings = resolveSettings(file, { ...opts, go }, userEnv, inst, warnings);
    if (i === 0) for (const w of warnings) process.stderr.write(w + '\n');
    const label = `Go ${go}`;
    if (opts.json) {
      const { exitCode, text } = runJson(inst, settings, file, false, () => {});
      jsons.push(JSON.parse(text));
      if (exit === 0) exit = exitCode;
      continue;
    }
    let out = '';
    let err = '';
    const ex = execute(inst, settings, file, {
      write: (fd, text) => {
        if (fd === 1) out += text;
        else err += text;
      },
      summary: !!opts.summary,
    });
    const r = ex.result;
    if (r.message) err += r.message + '\n';
    process.stdout.write(`${i > 0 ? '\n' : ''}==> ${label} <==\n${out}`);
    if (err !== '') process.stderr.write(`==> ${label} <==\n${err}`);
    if (ex.summary) cols.push({ label, summary: ex.summary, exitCode: r.exitCode, reason: r.reason });
    if (exit === 0) exit = r.exitCode;
  }
  if (opts.json) process.stdout.write(JSON.stringify({ schema: 'gmpsim-ab/1', file, runs: jsons }, null, 2) + '\n');
  if (cols.length > 0) process.stderr.write('\n' + formatSummaryAB(cols, file));
  return exit;
}

/** The writers of --plot, --perfetto and --trace. */
interface LogViews {
  renderPlot: typeof import('../src/views/plot.js').renderPlot;
  wrapHtml: typeof import('../src/views/plot.js').wrapHtml;
  writePerfetto: typeof import('../src/views/perfetto.js').writePerfetto;
  writeGoTrace: typeof import('../src/views/gotrace.js').writeGoTrace;
}

async function loadLogViews(): Promise<LogViews> {
  const [plot, perfetto, gotrace] = await Promise.all([import('../src/views/plot.js'), import('../src/views/perfetto.js'), import('../src/views/gotrace.js')]);
  return { renderPlot: plot.renderPlot, wrapHtml: plot.wrapHtml, writePerfetto: perfetto.writePerfetto, writeGoTrace: gotrace.writeGoTrace };
}

/**
 * The views that read the whole stored log (--plot, --perfetto, --trace), as one callback to call
 * after the run. They are loaded only when asked for (start-up: a plain run does not compile them).
 */
async function logViewsAfterRun(
  opts: { plot?: string; perfetto?: string; trace?: string },
  file: string,
  go: GoRelease,
  title: string,
): Promise<(log: EventLog, gomaxprocs: number) => void> {
  const views = opts.plot !== undefined || opts.perfetto !== undefined || opts.trace !== undefined ? await loadLogViews() : null;
  return (log, gomaxprocs) => {
    if (opts.plot !== undefined) writePlot(views!, opts.plot, log, gomaxprocs, file, go);
    if (opts.perfetto !== undefined) writePerfettoFile(views!, opts.perfetto, log, `${title} — GOMAXPROCS=${gomaxprocs}${go !== defaultRelease ? ` — Go ${go}` : ''}`);
    if (opts.trace !== undefined) writeGoTraceFile(views!, opts.trace, log, file);
  };
}

function writePlot({ renderPlot, wrapHtml }: LogViews, out: string, log: EventLog, gomaxprocs: number, file: string, go: GoRelease): void {
  // The release is named when it is not the default (as in the summary's title).
  const title = `${file} — GOMAXPROCS=${gomaxprocs}${go !== defaultRelease ? ` — Go ${go}` : ''}`;
  const { svg, data } = renderPlot(log, { title });
  const text = /\.html?$/i.test(out) ? wrapHtml(svg, title, data) : svg;
  try {
    fs.writeFileSync(out, text);
  } catch (e) {
    throw new UsageError(`--plot ${out}: cannot write the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** Stream the trace-event JSON to the file (never the whole text in memory). */
function writePerfettoFile({ writePerfetto }: LogViews, out: string, log: EventLog, title: string): void {
  let fd: number;
  try {
    fd = fs.openSync(out, 'w');
  } catch (e) {
    throw new UsageError(`--perfetto ${out}: cannot write the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    writePerfetto(log, (chunk) => void fs.writeSync(fd, chunk), title);
  } finally {
    fs.closeSync(fd);
  }
}

/** Stream the Go execution trace to the file, a generation's batches at a time. */
function writeGoTraceFile({ writeGoTrace }: LogViews, out: string, log: EventLog, file: string): void {
  let fd: number;
  try {
    fd = fs.openSync(out, 'w');
  } catch (e) {
    throw new UsageError(`--trace ${out}: cannot write the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    writeGoTrace(log, (chunk) => void fs.writeSync(fd, chunk), { file: path.basename(file) });
  } finally {
    fs.closeSync(fd);
  }
}

function handleError(e: unknown): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
    const msg = e.message.replace(/^error: /, '').split('\n')[0]!;
    // `go run prog.go -n 5` hands -n to the program; gmpsim reads its own flags anywhere, so a
    // program's flags go after -- (say so where the user most likely meant the program's).
    const opt = /'(-[^']*)'/.exec(msg)?.[1];
    if (e.code === 'commander.unknownOption' && process.argv[2] === 'run' && opt !== undefined) {
      process.stderr.write(`gmpsim: ${msg}: not a gmpsim flag (gmpsim run --help lists them); if it is the program's, put the program's arguments after --, as in: gmpsim run prog.go -- ${opt} …\n`);
      return 2;
    }
    process.stderr.write(`gmpsim: ${msg} (see gmpsim --help)\n`);
    return 2;
  }
  if (e instanceof LoadError && e.raw) {
    process.stderr.write(e.message + '\n');
    return e.exitCode;
  }
  if (e instanceof UsageError) {
    process.stderr.write(`gmpsim: ${e.message}\n`);
    return e.exitCode;
  }
  const err = e as Error;
  process.stderr.write(`gmpsim: internal error: ${err && err.message ? err.message.split('\n')[0] : String(e)} (set GMPSIM_DEBUG=1 for details)\n`);
  if (process.env['GMPSIM_DEBUG']) process.stderr.write(String(err?.stack ?? e) + '\n');
  return 70;
}

/**
 * V8 fixes its heap limit at start-up: a --max-heap above this process's limit is honoured by
 * running the command again in a Node with a large enough --max-old-space-size. Returns the exit
 * status of that run, or null when this process will do.
 */
function relaunchForHeap(argv: string[]): number | null {
  if (process.env['GMPSIM_HEAP_RELAUNCHED'] === '1') return null;
  const i = argv.findIndex((a) => a === '--max-heap' || a.startsWith('--max-heap='));
  if (i < 0) return null;
  const raw = argv[i]!.includes('=') ? argv[i]!.slice(argv[i]!.indexOf('=') + 1) : argv[i + 1];
  if (raw === undefined || !/^\d+$/.test(raw.trim())) return null; // the parser reports it
  const mib = Number(raw);
  // The watchdog stops at 85 % of V8's limit (execute.ts heapBudget): ask for a limit above that.
  const needed = Math.ceil(mib / 0.85) + 64;
  if (heapBudgetMiB() >= mib) return null;
  const r = spawnSync(process.execPath, [...process.execArgv, `--max-old-space-size=${needed}`, ...argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, GMPSIM_HEAP_RELAUNCHED: '1' },
  });
  return r.status ?? 70;
}

function heapBudgetMiB(): number {
  return heapBudget(null) / 2 ** 20;
}

export async function main(argv: string[]): Promise<void> {
  const relaunched = relaunchForHeap(argv);
  if (relaunched !== null) {
    process.exitCode = relaunched;
    return;
  }
  // For the simulated program only, not for esbuild (see env.ts).
  delete process.env['GOMAXPROCS'];
  delete process.env['GODEBUG'];
  // A reader that goes away (gmpsim run x | head) is not an error of ours.
  for (const s of [process.stdout, process.stderr]) {
    s.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    });
  }
  // Workload stack traces through the bundle's source map (panic tracebacks, load.ts).
  process.setSourceMapsEnabled(true);
  const program = buildProgram();
  if (argv.length <= 2) {
    process.stderr.write(program.helpInformation());
    process.exitCode = 2;
    return;
  }
  try {
    await program.parseAsync(argv);
  } catch (e) {
    process.exitCode = handleError(e);
  }
}
