/**
 * The engine worker: the only place user code runs (gallery, editor, or a shared link). It runs the
 * workload (runner.ts) and sends back the event log's columns, transferred, not copied.
 *
 * Budgets: the engine enforces the event budget; a watchdog (checked by the engine every few
 * thousand events) enforces the page's wall-clock budget, ending the run with exit 124 and its partial
 * log, as the CLI's --timeout does. A workload that stops yielding (a loop with no yield*) never
 * reaches the watchdog: for that case the worker sends the log so far every `progressEveryMs`
 * (RunProgress), and the page, which kills the worker a little after the budget, shows the run up to
 * the last progress.
 */
import { fmtDuration, type EventColumns, type GoRelease, type Runtime, type Watchdog } from '../../src/index.js';
import type { Effective, RunProgress, RunRequest, WorkerReply, WorkloadError } from './protocol';
import { runWorkload, type Compiled } from './runner';

// The Go frontend (src/golang) is optional (see vite.config.ts) and loaded on first use.
const loadGo = async (): Promise<{ compileGo?: (files: { name: string; text: string }[], opts?: { go?: GoRelease }) => Compiled } | null> => {
  const mod = await import('virtual:gmpsim-golang');
  return mod.compileGo ? { compileGo: mod.compileGo } : null;
};

function fail(error: WorkloadError): void {
  const msg: WorkerReply = { type: 'error', error };
  postMessage(msg);
}

/** Wall time between progress messages (ms): a killed run loses at most this much of its picture. */
const progressEveryMs = 250;
/** Engine events between watchdog checks: about a millisecond of engine work. */
const checkEvery = 4096;

function transfer(c: EventColumns): ArrayBuffer[] {
  return [c.t.buffer, c.k.buffer, c.g.buffer, c.m.buffer, c.p.buffer, c.a.buffer, c.b.buffer] as ArrayBuffer[];
}

/** The wall-clock watchdog of one run, and its progress messages. */
function wallWatchdog(t0: number, wallMs: number, effective: Effective, stopped: { wall: boolean }): Watchdog {
  // The first check reports at once, so even a workload that stops yielding early has a picture.
  let lastPost = -Infinity;
  let sentEvents = 0;
  let sentStrings = 0;
  return {
    every: checkEvery,
    check(rt: Runtime): string | null {
      const now = performance.now();
      if (now - t0 >= wallMs) {
        stopped.wall = true;
        return `gmpsim: the run was stopped after ${wallMs / 1000} s of wall-clock time (the page's limit), at ${fmtDuration(rt.sim.now)} simulated; the picture shows the run up to there — lower "max events" or the workload's size`;
      }
      if (now - lastPost >= progressEveryMs) {
        lastPost = now;
        const log = rt.log;
        const cols = log.toColumns(sentEvents, sentStrings);
        sentEvents = log.length;
        sentStrings = log.stringCount;
        const msg: RunProgress = { type: 'progress', cols, stdout: rt.stdoutSoFar(), stderr: rt.stderrSoFar(), simTime: rt.sim.now, events: log.count, effective };
        postMessage(msg, transfer(cols));
      }
      return null;
    },
  };
}

async function handle(req: RunRequest): Promise<void> {
  const t0 = performance.now();
  const stopped = { wall: false };
  const out = await runWorkload(req, loadGo, (effective) => wallWatchdog(t0, req.wallMs, effective, stopped));
  if (!out.ok) {
    fail(out.error);
    return;
  }
  const r = out.result;
  const cols: EventColumns = r.log.toColumns();
  const done: WorkerReply = {
    type: 'done',
    exitCode: r.exitCode,
    reason: r.reason,
    message: r.message,
    simTime: r.simTime,
    events: r.events,
    stdout: r.stdout,
    stderr: r.stderr,
    effective: out.effective,
    params: out.params,
    godebugWarnings: out.warnings,
    ...(out.ab !== undefined ? { ab: out.ab } : {}),
    ...(out.whatif !== undefined ? { whatif: out.whatif } : {}),
    wallMs: performance.now() - t0,
    wallStopped: stopped.wall,
    cols,
  };
  postMessage(done, transfer(cols));
}

addEventListener('message', (ev: MessageEvent<RunRequest>) => {
  if (ev.data.type !== 'run') return;
  handle(ev.data).catch((e: unknown) => {
    fail({ kind: 'load', message: `gmpsim: internal error: ${e instanceof Error ? e.message : String(e)}` });
  });
});
