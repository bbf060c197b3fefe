/**
 * The timeline view: a track per P and per M (and per pinned goroutine), time-proportional, zoom and
 * pan, hover readouts equal to the log's own times, a click moves the shared cursor, and play in
 * simulated time. Expected values are read from the engine's log of the same run, event by event.
 */
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { E, Loc } from '../../src/index.js';
import { _Psyscall } from '../../src/runtime/runtime2.js';
import { fmtNs } from '../src/views/picture';
import { encodeShare } from '../src/share';
import { assert, env, gallery, nodeRun, shots, test, waitCursor, waitRun } from './lib';

/** Layout constants of web/src/views/timeline.ts (row height, label column, axis). */
const rowH = 18;
const labelW = 56;
const axisH = 22;

async function open(page: Page, id: string, tag: string): Promise<void> {
  const hash = await encodeShare({ id, lang: 'ts', knobs: { cost: {} } });
  await page.goto('about:blank');
  await page.goto(`${env.base}?case=${tag}${hash}`);
  await waitRun(page, 0, 90_000);
  await page.locator('[data-testid=timeline]').scrollIntoViewIfNeeded();
}

async function win(page: Page): Promise<[number, number]> {
  const el = page.locator('[data-testid=tl-span]');
  return [Number(await el.getAttribute('data-t0')), Number(await el.getAttribute('data-t1'))];
}

/** Page coordinates of simulated time t on track row j. */
async function at(page: Page, t: number, row: number): Promise<{ x: number; y: number }> {
  const box = (await page.locator('[data-testid=timeline]').boundingBox())!;
  const [t0, t1] = await win(page);
  const plotW = box.width - labelW - 6;
  return { x: box.x + labelW + ((t - t0) / (t1 - t0)) * plotW, y: box.y + axisH + row * rowH + rowH / 2 };
}

/** Zoom with the wheel around [a, b] until it fills a good part of the view. */
async function zoomTo(page: Page, a: number, b: number): Promise<void> {
  for (let k = 0; k < 60; k++) {
    const [t0, t1] = await win(page);
    if (t1 - t0 <= (b - a) * 4) return;
    const pt = await at(page, (a + b) / 2, 0);
    await page.mouse.move(pt.x, pt.y);
    await page.mouse.wheel(0, -100);
  }
}

test('timeline: one track per P and per M, zoom (buttons, wheel) and pan (drag) keep it time-proportional', async (page) => {
  const item = gallery.find((g) => g.id === 'blocking-3-syscall')!;
  await open(page, item.id, 'tl-tracks');
  const out = await nodeRun(item.code, item.file, { cost: {} });
  assert(out.ok, 'runs');
  const log = out.result.log;
  const end = log.t[log.length - 1]!;
  let ms = 0;
  let ps = 0;
  for (let i = 0; i < log.length; i++) {
    if (log.k[i] === E.MCreate) ms++;
    if (log.k[i] === E.PState) ps = Math.max(ps, log.p[i]! + 1);
  }
  await page.check('[data-testid=tl-all-ms]');
  const label = (await page.locator('[data-testid=timeline]').getAttribute('aria-label')) ?? '';
  assert(label.includes(`${ps} P tracks, ${ms} M tracks`), `tracks: ${label} (the log has ${ps} Ps, ${ms} Ms)`);
  let [t0, t1] = await win(page);
  assert(t0 === 0 && t1 === end, `fit shows [0, ${end}], not [${t0}, ${t1}]`);
  await page.click('[data-testid=tl-zoom-in]');
  [t0, t1] = await win(page);
  assert(Math.abs(t1 - t0 - end / 2) < 1, `zoom in halves the span: ${t1 - t0}`);
  // wheel zoom keeps the time under the pointer where it is
  const p = await at(page, t0 + (t1 - t0) * 0.25, 0);
  const under = t0 + (t1 - t0) * 0.25;
  await page.mouse.move(p.x, p.y);
  await page.mouse.wheel(0, -100);
  const [u0, u1] = await win(page);
  const box = (await page.locator('[data-testid=timeline]').boundingBox())!;
  const still = u0 + ((p.x - box.x - labelW) / (box.width - labelW - 6)) * (u1 - u0);
  assert(u1 - u0 < t1 - t0 && Math.abs(still - under) < (t1 - t0) / 200, `wheel zoom: span ${u1 - u0}, time under the pointer ${still} (was ${under})`);
  // drag to the left moves the window later in time
  await page.mouse.move(p.x, p.y);
  await page.mouse.down();
  await page.mouse.move(p.x - 200, p.y, { steps: 5 });
  await page.mouse.up();
  const [v0, v1] = await win(page);
  assert(v0 > u0 && Math.abs(v1 - v0 - (u1 - u0)) < 1, `drag pans: [${u0}, ${u1}] → [${v0}, ${v1}]`);
  await page.click('[data-testid=tl-fit]');
  assert(JSON.stringify(await win(page)) === JSON.stringify([0, end]), 'fit');
  await page.screenshot({ path: path.join(shots, 'timeline.png') });
});

test('timeline: hovering reads out a P\'s syscall window and a goroutine\'s scheduling latency, as the log times them', async (page) => {
  const item = gallery.find((g) => g.id === 'blocking-3-syscall')!;
  await open(page, item.id, 'tl-hover');
  const out = await nodeRun(item.code, item.file, { cost: {} });
  assert(out.ok, 'runs');
  const log = out.result.log;
  // P0's first stretch in _Psyscall: from its PState _Psyscall to its next PState.
  let a = -1;
  let b = -1;
  for (let i = 0; i < log.length && b < 0; i++) {
    if (log.k[i] !== E.PState || log.p[i] !== 0) continue;
    if (a < 0 && log.a[i] === _Psyscall) a = i;
    else if (a >= 0 && log.t[i]! > log.t[a]!) b = i;
  }
  assert(a >= 0 && b >= 0, 'P0 goes through _Psyscall');
  const ta = log.t[a]!;
  const tb = log.t[b]!;
  await zoomTo(page, ta, tb);
  let pt = await at(page, (ta + tb) / 2, 0);
  await page.mouse.move(pt.x, pt.y);
  let tip = (await page.locator('[data-testid=tl-tip]').textContent()) ?? '';
  assert(tip.startsWith('P0 in _Psyscall') && tip.includes(`${fmtNs(ta)} → ${fmtNs(tb)}`) && tip.endsWith(fmtNs(tb - ta)), `readout ${tip}; the log: ${fmtNs(ta)} → ${fmtNs(tb)}`);
  // A goroutine's scheduling latency: pin G19 (click it), hover its first runnable stretch.
  const g = 19;
  let r0 = -1;
  let r1 = -1;
  for (let i = 0; i < log.length && r1 < 0; i++) {
    if (log.g[i] !== g) continue;
    if (r0 < 0 && (log.k[i] === E.GoCreate || (log.k[i] === E.GLoc && (log.a[i] === Loc.Runq || log.a[i] === Loc.Runnext)))) r0 = log.t[i]!;
    else if (r0 >= 0 && log.k[i] === E.GLoc && log.a[i] === Loc.Running) r1 = log.t[i]!;
  }
  assert(r0 >= 0 && r1 > r0, `G${g} waits in a queue`);
  // Pinning from the picture: find G19 at a cursor where it is queued.
  let idx = 0;
  while (idx < log.length && log.t[idx]! <= (r0 + r1) / 2) idx++;
  await page.evaluate((n) => window.gmpsim.seek(n), idx);
  await waitCursor(page, idx);
  await page.locator(`#picture [data-g="${g}"]`).first().click();
  await page.keyboard.press('Escape');
  const label = (await page.locator('[data-testid=timeline]').getAttribute('aria-label')) ?? '';
  const m = /(\d+) P tracks, (\d+) M tracks/.exec(label)!;
  const row = Number(m[1]) + Number(m[2]);
  await page.locator('[data-testid=timeline]').scrollIntoViewIfNeeded();
  await page.click('[data-testid=tl-fit]');
  await zoomTo(page, r0, r1);
  pt = await at(page, (r0 + r1) / 2, row);
  await page.mouse.move(pt.x, pt.y);
  tip = (await page.locator('[data-testid=tl-tip]').textContent()) ?? '';
  assert(tip.startsWith(`G${g} runnable`) && tip.includes(`${fmtNs(r0)} → ${fmtNs(r1)}`) && tip.endsWith(`scheduling latency ${fmtNs(r1 - r0)}`), `readout ${tip}; the log: ${fmtNs(r0)} → ${fmtNs(r1)}`);
});

test('timeline: a click moves the cursor shared with the picture to that simulated time', async (page) => {
  const item = gallery.find((g) => g.id === 'urandom')!;
  await open(page, item.id, 'tl-click');
  const [t0, t1] = await win(page);
  const t = t0 + (t1 - t0) * 0.6;
  const pt = await at(page, t, 0);
  await page.mouse.click(pt.x, pt.y);
  await page.waitForTimeout(100);
  const got = await page.evaluate(() => ({ time: window.gmpsim.time(), cursor: window.gmpsim.cursor(), pos: document.querySelector<HTMLElement>('[data-testid=pos]')!.dataset['cursor'] }));
  const out = await nodeRun(item.code, item.file, { cost: {} });
  assert(out.ok, 'runs');
  const log = out.result.log;
  const box = (await page.locator('[data-testid=timeline]').boundingBox())!;
  const clicked = t0 + ((pt.x - box.x - labelW) / (box.width - labelW - 6)) * (t1 - t0);
  let want = 0;
  while (want < log.length && log.t[want]! <= clicked) want++;
  assert(Math.abs(got.cursor - want) <= 1 + Number(log.t[want] === log.t[want - 1]) * 40, `cursor ${got.cursor}, the state at ${clicked.toFixed(0)} ns is event ${want}`);
  assert(got.pos === String(got.cursor), 'the picture shows the same cursor');
});

test('play in simulated time (1 ms/s): the clock never runs ahead of 1 ms per wall second, the cursor shows the state at that clock', async (page) => {
  const item = gallery.find((g) => g.id === 'urandom')!;
  await open(page, item.id, 'tl-simtime');
  await page.evaluate(() => window.gmpsim.seek(0));
  await page.selectOption('[data-testid=speed]', 't1000000');
  const res = await page.evaluate(
    () =>
      new Promise<{ wall: number; sim: number; time: number; playTime: number }>((resolve) => {
        const w0 = performance.now();
        (document.querySelector('[data-testid=play]') as HTMLElement).click();
        setTimeout(() => {
          (document.querySelector('[data-testid=play]') as HTMLElement).click();
          resolve({ wall: performance.now() - w0, sim: window.gmpsim.playTime(), time: window.gmpsim.time(), playTime: window.gmpsim.playTime() });
        }, 1000);
      }),
  );
  assert(res.sim > 0, 'the clock advanced');
  assert(res.sim <= (res.wall / 1000) * 1e6 + 1, `simulated ${res.sim} ns in ${res.wall.toFixed(0)} ms of wall time at 1 ms/s`);
  assert(res.time <= res.playTime, `the replay (t=${res.time}) is not ahead of the clock (${res.playTime})`);
  await page.selectOption('[data-testid=speed]', '15');
});
