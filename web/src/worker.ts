/**
 * The engine worker: the only place user code runs (gallery, editor, or a shared link). It runs the
 * workload (runner.ts) and sends back the event log's columns, transferred, not copied. The page
 * enforces a wall-clock limit by terminating this worker; the engine enforces the event budget.
 */
import type { EventColumns } from '../../src/index.js';
import type { RunRequest, WorkerReply, WorkloadError } from './protocol';
import { runWorkload, type Compiled } from './runner';

// The Go frontend (src/golang) is optional (see vite.config.ts) and loaded on first use.
const loadGo = async (): Promise<{ compileGo?: (files: { name: string; text: string }[]) => Compiled } | null> => {
  const mod = await import('virtual:gmpsim-golang');
  return mod.compileGo ? { compileGo: mod.compileGo } : null;
};

function fail(error: WorkloadError): void {
  const msg: WorkerReply = { type: 'error', error };
  postMessage(msg);
}

async function handle(req: RunRequest): Promise<void> {
  const t0 = performance.now();
  const out = await runWorkload(req, loadGo);
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
    wallMs: performance.now() - t0,
    cols,
  };
  postMessage(done, [cols.t.buffer, cols.k.buffer, cols.g.buffer, cols.m.buffer, cols.p.buffer, cols.a.buffer, cols.b.buffer]);
}

addEventListener('message', (ev: MessageEvent<RunRequest>) => {
  if (ev.data.type !== 'run') return;
  handle(ev.data).catch((e: unknown) => {
    fail({ kind: 'load', message: `gmpsim: internal error: ${e instanceof Error ? e.message : String(e)}` });
  });
});
