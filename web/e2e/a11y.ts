/**
 * Accessibility (WCAG 2.2 AA): an axe-core scan (npm `axe-core`, run inside the page) of every view
 * with no serious or critical violation; the keyboard reaches and works the picture; charts have
 * text alternatives; prefers-reduced-motion stops the slides; → after the gallery steps the run.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { encodeShare } from '../src/share';
import { assert, doneCount, env, repoFile, shots, test, typeCode, waitCursor, waitRun } from './lib';

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

const axeSource = (): string => fs.readFileSync(repoFile('node_modules/axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.0–2.2 A/AA rules on the page as it is; the serious and critical violations. */
export async function axe(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource() });
  const res = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> } };
    const r = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 4).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
  return res.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function show(vs: AxeViolation[]): string {
  return vs.map((v) => `${v.impact} ${v.id}: ${v.help}\n      ${v.nodes.map((n) => `${n.target.join(' ')} — ${(n.failureSummary ?? '').split('\n').slice(0, 2).join(' ')}`).join('\n      ')}`).join('\n    ');
}

async function open(page: Page, id: string, tag: string): Promise<void> {
  const hash = await encodeShare({ id, lang: 'ts', knobs: { cost: {} } });
  await page.goto('about:blank');
  await page.goto(`${env.base}?case=${tag}${hash}`);
  await waitRun(page, 0, 90_000);
  await page.waitForTimeout(300);
}

test('axe-core: no serious or critical WCAG 2.2 AA violation on any view (light, dark, phone, inspector, error, A/B, timeline)', async (page) => {
  const found: string[] = [];
  const scan = async (view: string): Promise<void> => {
    const vs = await axe(page);
    if (vs.length) found.push(`${view}:\n    ${show(vs)}`);
  };
  try {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await open(page, 'blocking-3-syscall', `axe-${scheme}`);
      await scan(`${scheme}: the run`);
      if (scheme === 'dark') await page.screenshot({ path: path.join(shots, 'dark.png') });
      await page.locator('.pbox[data-p="0"]').first().click({ position: { x: 30, y: 12 } });
      await page.waitForSelector('[data-testid=inspect-title]');
      await scan(`${scheme}: inspector open`);
      await page.keyboard.press('Escape');
      // the timeline with a goroutine track pinned
      await page.locator('#picture [data-g]').first().click();
      await page.keyboard.press('Escape');
      await scan(`${scheme}: timeline with a goroutine track`);
      await page.check('[data-testid=k-ab]');
      await page.waitForFunction(() => !(document.querySelector('[data-testid=ab]') as HTMLElement).hidden, null, { timeout: 60_000 });
      await scan(`${scheme}: A/B summaries`);
      await typeCode(page, `import { work, us } from 'gmpsim';\nexport function* main() {\n  const x = ;\n}\n`);
      const before = await doneCount(page);
      await page.click('[data-testid=run]');
      await waitRun(page, before);
      await scan(`${scheme}: a syntax error`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, 'urandom', 'axe-phone');
    await scan('phone (390 px)');
  } finally {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1500, height: 1000 });
  }
  assert(found.length === 0, found.join('\n  '));
}, 240_000);

test('keyboard: Tab reaches the picture, arrow keys move between its chips, Enter inspects, Escape returns', async (page) => {
  await open(page, 'blocking-3-syscall', 'keys');
  const name = (): Promise<string> => page.evaluate(() => {
    const e = document.activeElement as HTMLElement;
    return `${e.dataset['g'] ?? e.dataset['m'] ?? e.dataset['p'] ?? e.id}|${e.getAttribute('aria-label') ?? e.textContent}`;
  });
  // Tab from the control bar's last field reaches the picture (the stats between hold no controls).
  await page.focus('[data-testid=scrub]');
  let tabs = 0;
  while ((await page.evaluate(() => document.activeElement?.id)) !== 'picture' && tabs++ < 40) await page.keyboard.press('Tab');
  assert(tabs < 40, 'Tab never reached the picture');
  // On the picture → steps the run …
  const c0 = await page.evaluate(() => window.gmpsim.cursor());
  await page.keyboard.press('ArrowRight');
  await waitCursor(page, c0 + 1);
  // … ↓ goes into it, → moves between chips without stepping
  await page.keyboard.press('ArrowDown');
  const first = await name();
  await page.keyboard.press('ArrowRight');
  const second = await name();
  assert(!first.startsWith('picture') && second !== first, `arrow keys move between chips (${first} → ${second})`);
  assert((await page.evaluate(() => window.gmpsim.cursor())) === c0 + 1, 'arrows among the chips stepped the run');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=inspect-title]');
  await page.keyboard.press('Escape');
  const back = await name();
  assert(back === second, `Escape returns focus to the chip (${back}, not ${second})`);
  // Every button and field has an accessible name (not only a title).
  const unnamed = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, select, input')]
      .filter((e) => e.offsetParent !== null)
      .filter((e) => !(e.getAttribute('aria-label') || e.textContent!.trim() || (e as HTMLInputElement).labels?.length || e.getAttribute('aria-labelledby')))
      .map((e) => e.outerHTML.slice(0, 80)),
  );
  assert(unnamed.length === 0, `controls without a name:\n    ${unnamed.join('\n    ')}`);
});

test('→ after choosing from the gallery steps the run; it does not switch the workload', async (page) => {
  await open(page, 'blocking-2-network', 'gallery-keys');
  // choose the next workload with the keyboard, as a keyboard user does
  await page.focus('[data-testid=gallery]');
  const before = await doneCount(page);
  await page.keyboard.press('ArrowDown');
  await waitRun(page, before);
  const chosen = await page.inputValue('[data-testid=gallery]');
  assert(chosen !== 'blocking-2-network', 'ArrowDown on the gallery chose another workload');
  const c0 = await page.evaluate(() => window.gmpsim.cursor());
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(300);
  assert((await page.inputValue('[data-testid=gallery]')) === chosen, `→ switched the workload to ${await page.inputValue('[data-testid=gallery]')}`);
  await waitCursor(page, c0 + 1);
});

test('charts have text alternatives that state their numbers', async (page) => {
  await open(page, 'urandom', 'chart-alt');
  const alts = await page.evaluate(() => [...document.querySelectorAll('#charts canvas')].map((c) => ({ role: c.getAttribute('role'), label: c.getAttribute('aria-label') ?? '' })));
  assert(alts.length >= 3, `${alts.length} charts`);
  for (const a of alts) assert(a.role === 'img' && /\d/.test(a.label) && a.label.length > 30, `chart alternative: ${JSON.stringify(a)}`);
  assert(/threads/i.test(alts[0]!.label) && /102/.test(alts[0]!.label), `the threads chart names its peak: ${alts[0]!.label}`);
});

test('prefers-reduced-motion: a step moves chips without sliding or fading', async (page) => {
  try {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await open(page, 'blocking-3-syscall', 'reduced-motion');
    await page.evaluate(() => window.gmpsim.seek(0));
    await waitCursor(page, 0);
    await page.click('[data-testid=next-retake]');
    await page.waitForTimeout(50);
    const anims = await page.evaluate(() => document.getAnimations().length);
    assert(anims === 0, `${anims} animations running after a step with reduced motion`);
  } finally {
    await page.emulateMedia({ reducedMotion: 'no-preference' });
  }
});
