/** A sweep worker thread: runs cells of one bundled workload, each in a fresh module instance. */
import { parentPort, workerData } from 'node:worker_threads';
import { instantiate } from './load.js';
import { execute } from './execute.js';
import type { Settings } from './settings.js';
import type { CellResult } from './sweep.js';

// Stack traces of the workload name its own file and line (see load.ts).
process.setSourceMapsEnabled(true);
const { bundle, file } = workerData as { bundle: string; file: string };

parentPort!.on('message', async (msg: { id: number; settings: Settings }) => {
  let res: CellResult;
  try {
    const inst = await instantiate(bundle, file);
    const ex = execute(inst, msg.settings, file, { summary: true });
    const r = ex.result;
    res = { id: msg.id, exit: { code: r.exitCode, reason: r.reason, message: r.message }, summary: ex.summary!, wallMs: ex.wallMs };
  } catch (e) {
    res = { id: msg.id, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort!.postMessage(res);
});
