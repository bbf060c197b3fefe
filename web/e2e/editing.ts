/**
 * The editor and links: Ctrl+Enter runs (and inserts nothing), an edit keeps the gallery item
 * (marked "edited", revertable), a Go type error is not called a syntax error, the language option
 * is plainly "Go", and a link pasted into an open tab (only the hash changes) loads.
 */
import * as fs from 'node:fs';
import { encodeShare } from '../src/share';
import type { Knobs } from '../src/protocol';
import { assert, doneCount, env, gallery, nodeRun, repoFile, test, typeCode, waitCursor, waitRun } from './lib';

const small = `import { go, work, us } from 'gmpsim';\nexport function* main() {\n  yield* go(function* () {\n    yield* work(us(30));\n  });\n  yield* work(us(50));\n}\n`;

test('Ctrl+Enter in the editor runs the workload and inserts no newline', async (page) => {
  await page.goto('about:blank');
  await page.goto(`${env.base}?case=ctrl-enter`);
  await waitRun(page, 0);
  await typeCode(page, small);
  const before = await doneCount(page);
  const lines = await page.locator('.cm-line').count();
  await page.keyboard.press('Control+Enter');
  await waitRun(page, before, 30_000);
  const after = await page.locator('.cm-line').count();
  assert(after === lines, `Ctrl+Enter changed the code: ${lines} lines → ${after}`);
  const out = await nodeRun(small, 'workload.ts', { cost: {} });
  assert(out.ok, 'node run');
  const n = await page.evaluate(() => window.gmpsim.length());
  assert(n === out.result.log.length, `the run has ${n} events, the engine's ${out.result.log.length}`);
});

test('an edit keeps the gallery item selected, marked "edited", and Revert brings its code back', async (page) => {
  const item = gallery.find((g) => g.id === 'blocking-1-channel')!;
  const hash = await encodeShare({ id: item.id, lang: 'ts', knobs: { cost: {} } });
  await page.goto('about:blank');
  await page.goto(`${env.base}?case=edit${hash}`);
  await waitRun(page, 0);
  await page.click('.cm-content');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n// my change\n');
  const sel = await page.inputValue('[data-testid=gallery]');
  assert(sel === item.id, `the gallery switched to ${sel} on an edit`);
  const title = (await page.locator('#wl-title').textContent()) ?? '';
  assert(title.endsWith('(edited)'), `title: ${title}`);
  assert(await page.locator('[data-testid=revert]').isVisible(), 'a Revert button');
  // Share carries the edited code, not the gallery id.
  await page.click('[data-testid=share]');
  await page.waitForFunction(() => /[#&]at=/.test(location.hash), null, { timeout: 10_000 }); // the link is written asynchronously
  const url = page.url();
  assert(/[#&]code=/.test(url) && !/[#&]w=/.test(url), `the share link after an edit: ${url}`);
  const before = await doneCount(page);
  await page.click('[data-testid=revert]');
  await waitRun(page, before);
  const text = await page.evaluate(() => (document.querySelector('.cm-content') as HTMLElement).innerText);
  assert(!text.includes('my change'), 'Revert restores the gallery code');
  assert(!((await page.locator('#wl-title').textContent()) ?? '').includes('edited'), 'no longer marked edited');
});

test('the language option says "Go"; a Go type error is a compile error, not a syntax error', async (page) => {
  await page.goto('about:blank');
  await page.goto(`${env.base}?case=go-type-error`);
  await waitRun(page, 0);
  const label = await page.locator('[data-testid=lang] option[value=go]').textContent();
  assert(label === 'Go', `language option: ${label}`);
  if (!fs.existsSync(repoFile('src/golang/index.ts'))) return;
  await page.selectOption('[data-testid=lang]', 'go');
  const typeErr = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tc := make(chan int)\n\tgo func() { c <- 42 }()\n\tfmt.Println(<-d)\n}\n';
  await typeCode(page, typeErr);
  let before = await doneCount(page);
  await page.click('[data-testid=run]');
  await waitRun(page, before);
  let status = (await page.locator('[data-testid=status]').textContent()) ?? '';
  assert(!/syntax/.test(status) && /compile error at line 8/.test(status), `status for a type error: ${status}`);
  // and a real syntax error still says so
  await typeCode(page, typeErr.replace('fmt.Println(<-d)', 'fmt.Println(<-c'));
  before = await doneCount(page);
  await page.click('[data-testid=run]');
  await waitRun(page, before);
  status = (await page.locator('[data-testid=status]').textContent()) ?? '';
  assert(/syntax error at line \d/.test(status), `status for a syntax error: ${status}`);
  await page.selectOption('[data-testid=lang]', 'ts');
});

test('a share link pasted into an open tab (only the hash changes) loads the workload, knobs and cursor', async (page) => {
  await page.goto('about:blank');
  await page.goto(`${env.base}?case=hashchange`);
  await waitRun(page, 0);
  const knobs: Knobs = { gomaxprocs: 3, seed: 5, cost: {} };
  const out = await nodeRun(small, 'workload.ts', knobs);
  assert(out.ok, 'node run');
  const at = Math.floor(out.result.log.length / 2);
  const hash = await encodeShare({ code: small, lang: 'ts', knobs, at });
  const before = await doneCount(page);
  await page.evaluate((h) => {
    location.hash = h.slice(1);
  }, hash);
  await waitRun(page, before);
  await waitCursor(page, at);
  assert((await page.inputValue('[data-testid=k-procs]')) === '3', 'GOMAXPROCS from the link');
  const n = await page.evaluate(() => window.gmpsim.length());
  assert(n === out.result.log.length, `run of the link: ${n} events, engine ${out.result.log.length}`);
});
