/**
 * The layout from a 360 px phone to a 2,560 px screen, and the inspector beside what was clicked.
 * Screenshots at 390, 1,024, 1,440 and 2,560 px land in web/screenshots/layout-*.png.
 */
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { encodeShare } from '../src/share';
import { assert, env, shots, test, waitRun } from './lib';

const sizes: [number, number][] = [
  [360, 740],
  [390, 844],
  [1024, 768],
  [1366, 768],
  [1440, 900],
  [2560, 1440],
];

async function open(page: Page, id: string, tag: string): Promise<void> {
  const hash = await encodeShare({ id, lang: 'ts', knobs: { cost: {} } });
  await page.goto('about:blank');
  await page.goto(`${env.base}?case=${tag}${hash}`);
  await waitRun(page, 0, 90_000);
}

/** Rect of a selector in viewport coordinates. */
function rect(page: Page, sel: string): Promise<{ x0: number; y0: number; x1: number; y1: number } | null> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el || (el as HTMLElement).hidden) return null;
    const r = el.getBoundingClientRect();
    return { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom };
  }, sel);
}

test('360–2,560 px: no sideways scrolling, the picture takes the width, the header is whole', async (page) => {
  try {
    const bad: string[] = [];
    for (const [w, h] of sizes) {
      await page.setViewportSize({ width: w, height: h });
      await open(page, 'urandom', `layout-${w}`);
      await page.waitForTimeout(300);
      const m = await page.evaluate(() => {
        const header = [...document.querySelectorAll<HTMLElement>('header.top > *')].map((e) => e.getBoundingClientRect().right);
        return {
          page: document.documentElement.scrollWidth,
          vw: document.documentElement.clientWidth,
          pic: document.getElementById('picture')!.getBoundingClientRect().width,
          header: Math.max(...header),
          pbox: Math.min(...[...document.querySelectorAll('.pbox')].map((e) => e.getBoundingClientRect().width)),
        };
      });
      if (m.page > m.vw) bad.push(`${w} px: the page is ${m.page} px wide`);
      if (m.header > m.vw + 0.5) bad.push(`${w} px: the header reaches ${m.header.toFixed(0)} px`);
      // Below 1,100 px the picture has the whole column; above, at least half the screen.
      const want = w < 1100 ? m.vw - 40 : m.vw / 2;
      if (m.pic < want) bad.push(`${w} px: the picture is ${m.pic.toFixed(0)} px wide (want ≥ ${want.toFixed(0)})`);
      if (m.pbox < 140) bad.push(`${w} px: a P box is ${m.pbox.toFixed(0)} px wide`);
      if ([390, 1024, 1440, 2560].includes(w)) await page.screenshot({ path: path.join(shots, `layout-${w}.png`) });
    }
    assert(bad.length === 0, bad.join('\n  '));
  } finally {
    await page.setViewportSize({ width: 1500, height: 1000 });
  }
}, 240_000);

test('on a laptop the picture, the why-panel and the inspector are in view together; the inspector opens beside the clicked P', async (page) => {
  try {
    for (const [w, h] of [
      [1366, 768],
      [1440, 900],
    ] as [number, number][]) {
      await page.setViewportSize({ width: w, height: h });
      await open(page, 'blocking-3-syscall', `laptop-${w}`);
      const box = await rect(page, '.pbox[data-p="1"]');
      assert(box, 'P1 is drawn');
      await page.locator('.pbox[data-p="1"]').click({ position: { x: 30, y: 12 } });
      await page.waitForSelector('[data-testid=inspect-title]');
      const insp = await rect(page, '[data-testid=inspector-panel]');
      const why = await rect(page, '[data-testid=why]');
      const pic = await rect(page, '#picture');
      assert(insp && why && pic, 'inspector, why-panel and picture exist');
      const inView = (r: { y0: number; y1: number }): boolean => r.y0 < h && r.y1 > 0;
      assert(inView(insp), `${w}×${h}: the inspector is out of view (${insp.y0.toFixed(0)}–${insp.y1.toFixed(0)})`);
      assert(inView(why), `${w}×${h}: the why-panel is out of view (${why.y0.toFixed(0)}–${why.y1.toFixed(0)})`);
      assert(inView(pic), `${w}×${h}: the picture is out of view`);
      // Beside: the gap between the P's box and the inspector is small, whichever side it took.
      const p1 = (await rect(page, '.pbox[data-p="1"]'))!;
      const dx = Math.max(0, insp.x0 - p1.x1, p1.x0 - insp.x1);
      const dy = Math.max(0, insp.y0 - p1.y1, p1.y0 - insp.y1);
      assert(dx <= 16 && dy <= 16, `${w}×${h}: the inspector is ${dx.toFixed(0)} px / ${dy.toFixed(0)} px away from the P it shows`);
      if (w === 1440) await page.screenshot({ path: path.join(shots, 'inspector.png') });
      await page.keyboard.press('Escape');
      assert(await page.locator('[data-testid=inspector-panel]').isHidden(), 'Escape closes the inspector');
    }
  } finally {
    await page.setViewportSize({ width: 1500, height: 1000 });
  }
});

test('on a phone the inspector is a bottom sheet in view', async (page) => {
  try {
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, 'blocking-3-syscall', 'phone-inspector');
    await page.locator('#picture [data-g]').first().click();
    await page.waitForSelector('[data-testid=inspect-title]');
    const insp = await rect(page, '[data-testid=inspector-panel]');
    assert(insp, 'the inspector is shown');
    assert(insp.y1 <= 844 + 0.5 && insp.y0 >= 844 * 0.4 && insp.x0 >= 0 && insp.x1 <= 390.5, `bottom sheet at ${JSON.stringify(insp)}`);
    await page.screenshot({ path: path.join(shots, 'phone-inspector.png') });
  } finally {
    await page.setViewportSize({ width: 1500, height: 1000 });
  }
});
