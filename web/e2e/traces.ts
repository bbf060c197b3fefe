/**
 * Traces in the page (issue 17's web part): a real program's execution trace — from the gallery, opened
 * with "Open trace…", or dropped on the page — is replayed as `gmpsim replay` replays it, with the same
 * knobs, and the page puts the replay next to the traced run. Expected values: the same runner in this
 * process (web/src/runner.ts, as the worker runs it) on the same bytes and knobs; the error text is the
 * CLI's (src/trace/reader.ts traceErrorText).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { assert, doneCount, env, nodeRun, repoFile, shots, test, traceBytes, waitRun } from './lib';
import { axe, show } from './a11y';

const text = async (page: Page, id: string): Promise<string> => (await page.locator(`[data-testid=${id}]`).textContent()) ?? '';

async function expectedWhatIf(file: string, bytes: ArrayBuffer, knobs: Parameters<typeof nodeRun>[2]): Promise<{ whatif: string; events: number }> {
  const out = await nodeRun('', file, knobs, 'trace', bytes);
  assert(out.ok, `node replay failed: ${JSON.stringify(!out.ok && out.error)}`);
  assert(out.whatif !== undefined, 'the node replay made no what-if report');
  return { whatif: out.whatif, events: out.result.log.length };
}

test('traces: a gallery trace is replayed as gmpsim replay does, next to the traced run; the scale knob re-runs it', async (page) => {
  await page.goto(env.base);
  await page.waitForFunction(() => Number(document.body.dataset['done'] ?? 0) >= 1, null, { timeout: 60_000 });
  let before = await doneCount(page);
  await page.selectOption('[data-testid=gallery]', 'trace-cpu_fanout');
  await waitRun(page, before, 90_000);
  const bytes = traceBytes(repoFile('whatif/traces/cpu_fanout.trace'));
  const want = await expectedWhatIf('cpu_fanout.trace', bytes, { cost: {} });
  const shown = await text(page, 'whatif');
  assert(shown === want.whatif, `the page's what-if report differs from the runner's:\n${shown}\n--- expected\n${want.whatif}`);
  assert(/traced\s+replay/.test(shown) && /wall time/.test(shown), `the report does not compare the replay with the traced run:\n${shown}`);
  const n = await page.evaluate(() => window.gmpsim.length());
  assert(n === want.events, `the page's replay has ${n} events, the runner's ${want.events}`);
  assert(/exit 0/.test(await text(page, 'status')), `status: ${await text(page, 'status')}`);
  assert(await page.locator('[data-testid=editor]').isHidden(), 'the editor is still shown for a trace');
  const info = await text(page, 'trace-info');
  assert(/cpu_fanout\.trace/.test(info) && /replayed on Go 1\.26 at GOMAXPROCS=4/.test(info), `trace panel: ${info}`);
  await page.screenshot({ path: path.join(shots, 'trace-gallery.png'), fullPage: true });
  // New chips fade in (picture.ts: 300 ms) and arrows fade out: scan the settled page, not a frame of a
  // fade (a chip at half opacity over the panel has half its contrast).
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), null, { timeout: 10_000 });
  const vs = await axe(page);
  assert(vs.length === 0, `axe-core on the trace view:\n    ${show(vs)}`);

  // What if the CPU were twice as slow?
  before = await doneCount(page);
  await page.fill('[data-testid=k-scale-cpu]', '2');
  await waitRun(page, before, 90_000);
  const want2 = await expectedWhatIf('cpu_fanout.trace', bytes, { cost: {}, scale: { cpu: 2 } });
  const shown2 = await text(page, 'whatif');
  assert(shown2 === want2.whatif, `with --scale-cpu 2 the page shows:\n${shown2}\n--- expected\n${want2.whatif}`);
  assert(shown2 !== shown, 'scaling the CPU changed nothing');
  // Clearing the knob re-runs too: wait for it, or the next test counts this run as its own.
  before = await doneCount(page);
  await page.fill('[data-testid=k-scale-cpu]', '');
  await waitRun(page, before, 90_000);
}, 180_000);

test('traces: a trace file opened with "Open trace…" is replayed at another GOMAXPROCS; a file that is no trace gets the CLI\'s error', async (page) => {
  const file = repoFile('whatif/traces/mutex_cache.trace');
  let before = await doneCount(page);
  await page.setInputFiles('[data-testid=open-trace]', file);
  await waitRun(page, before, 90_000);
  assert((await text(page, 'status')).includes('exit 0'), `status: ${await text(page, 'status')}`);
  assert(/Your trace: mutex_cache\.trace/.test((await page.locator('#wl-title').textContent()) ?? ''), 'the title does not name the opened file');
  before = await doneCount(page);
  await page.fill('[data-testid=k-procs]', '1');
  await waitRun(page, before, 90_000);
  const want = await expectedWhatIf('mutex_cache.trace', traceBytes(file), { cost: {}, gomaxprocs: 1 });
  const shown = await text(page, 'whatif');
  assert(shown === want.whatif, `at GOMAXPROCS=1 the page shows:\n${shown}\n--- expected\n${want.whatif}`);
  assert(/GOMAXPROCS=1/.test(await text(page, 'trace-info')), `trace panel: ${await text(page, 'trace-info')}`);
  before = await doneCount(page);
  await page.fill('[data-testid=k-procs]', '');
  await waitRun(page, before, 90_000);

  // Not a trace: the error says what and where, as `gmpsim replay` does, and nothing runs.
  const bogus = path.join(fs.mkdtempSync(path.join(process.env['TMPDIR'] ?? '/tmp', 'gmpsim-e2e-')), 'notes.trace');
  fs.writeFileSync(bogus, 'this is not a trace\n');
  before = await doneCount(page);
  await page.setInputFiles('[data-testid=open-trace]', bogus);
  await waitRun(page, before, 60_000);
  const err = await text(page, 'errors');
  assert(/notes\.trace: cannot read the trace: not a Go execution trace/.test(err) && /at byte 0 of 20/.test(err), `errors box: ${err}`);
  assert(/did not load/.test(await text(page, 'status')), `status: ${await text(page, 'status')}`);
}, 180_000);

test('traces: a trace dropped on the page is replayed; going back to the gallery brings the editor back', async (page) => {
  const b = fs.readFileSync(repoFile('whatif/traces/timer_poller.trace'));
  const dt = await page.evaluateHandle((data) => {
    const d = new DataTransfer();
    d.items.add(new File([new Uint8Array(data)], 'timer_poller.trace'));
    return d;
  }, [...b]);
  let before = await doneCount(page);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: dt });
  assert(await page.locator('#drop-hint').isVisible(), 'no drop hint while a file is dragged over the page');
  await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
  await waitRun(page, before, 90_000);
  assert(await page.locator('#drop-hint').isHidden(), 'the drop hint stays after the drop');
  const want = await expectedWhatIf('timer_poller.trace', traceBytes(repoFile('whatif/traces/timer_poller.trace')), { cost: {} });
  assert((await text(page, 'whatif')) === want.whatif, `the dropped trace's report:\n${await text(page, 'whatif')}`);
  for (const w of [390, 900]) {
    await page.setViewportSize({ width: w, height: 900 });
    await page.screenshot({ path: path.join(shots, `trace-drop-${w}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1500, height: 1000 });
  before = await doneCount(page);
  await page.selectOption('[data-testid=gallery]', 'blocking-3-syscall');
  await waitRun(page, before, 90_000);
  assert(await page.locator('[data-testid=editor]').isVisible(), 'the editor is not back after choosing a workload');
  assert(await page.locator('[data-testid=whatif]').isHidden(), 'the what-if box stays for a workload');
}, 180_000);
