/**
 * One source of truth per frame: at every step of a run, the picture, the counters, the
 * why-sentence and the arrows show the Replay state at the cursor and nothing else. Expected values
 * come from a Replay of the engine's log made in this process (the same run: determinism).
 */
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { Replay, type Counts } from '../../src/log/replay.js';
import { E, Loc } from '../../src/index.js';
import { encodeShare } from '../src/share';
import type { Knobs } from '../src/protocol';
import { assert, env, gallery, nodeRun, shots, test, waitCursor, waitRun } from './lib';

const counterIds = ['threads', 'gomaxprocs', 'idleprocs', 'idlethreads', 'spinningthreads', 'runqueue', 'running', 'runnable', 'syscall', 'netpoll', 'waiting'] as const;

/** What the page draws at one cursor position, read from the DOM. */
interface Frame {
  at: number;
  counters: number[];
  waitingCount: number;
  /** Chip/box ids drawn more than once. */
  dup: string[];
  gShown: number;
  gMore: number;
  mShown: number;
  mMore: number;
  pShown: number;
  whyLast: number;
}

/** Seek and draw every cursor position in [from, to], reading each frame (in the page: fast). */
function readFrames(page: Page, from: number, to: number): Promise<Frame[]> {
  return page.evaluate(
    ([from, to, ids]) => {
      const out: Frame[] = [];
      const pic = document.getElementById('picture')!;
      for (let at = from; at <= to; at++) {
        window.gmpsim.seek(at);
        window.gmpsim.renderNow();
        const seen = new Map<string, number>();
        const count = (sel: string, key: (e: HTMLElement) => string): number => {
          const els = pic.querySelectorAll<HTMLElement>(sel);
          for (const e of els) seen.set(key(e), (seen.get(key(e)) ?? 0) + 1);
          return els.length;
        };
        const gShown = count('[data-g]', (e) => `G${e.dataset['g']}`);
        const mShown = count('[data-m]', (e) => `M${e.dataset['m']}`);
        const pShown = count('.pbox[data-p]', (e) => `P${e.dataset['p']}`);
        let gMore = 0;
        let mMore = 0;
        for (const e of pic.querySelectorAll<HTMLElement>('[data-more]')) {
          // A lane's "+N more" hides N Ms and the Gs they hold.
          if (e.closest('.lane')) {
            mMore += Number(e.dataset['more']);
            gMore += Number(e.dataset['moreG'] ?? 0);
          } else gMore += Number(e.dataset['more']);
        }
        const num = (id: string): number => Number(document.querySelector(`[data-testid=${id}]`)?.textContent ?? NaN);
        out.push({
          at,
          counters: (ids as string[]).map((k) => num(`stat-${k}`)),
          waitingCount: num('waiting-count'),
          dup: [...seen].filter(([, n]) => n > 1).map(([k]) => k),
          gShown,
          gMore,
          mShown,
          mMore,
          pShown,
          whyLast: Number(document.querySelector<HTMLElement>('[data-testid=why-text]')?.dataset['last'] ?? -1),
        });
      }
      return out;
    },
    [from, to, counterIds as readonly string[]] as const,
  );
}

/**
 * The Gs the picture has a place for, as the records holding them say: each P's runnext, local
 * queue and timers, the global queue, each M's G, the netpoller. (Read from the queues, not from
 * each G's location: inside an instant runqput has put the new G in runnext before the G it kicks
 * out has its own move event.)
 */
function placedGs(r: Replay): number {
  let n = r.global.length;
  for (const g of r.gs.values()) if (g.loc === Loc.Netpoll) n++;
  for (const m of r.ms) if (m && !m.dead && m.g >= 0) n++;
  for (const p of r.ps) if (p) n += (p.runnext >= 0 ? 1 : 0) + p.runq.length + p.sleepers.length;
  return n;
}

async function openRun(page: Page, id: string, knobs: Knobs): Promise<void> {
  const hash = await encodeShare({ id, lang: 'ts', knobs });
  await page.goto('about:blank');
  await page.goto(`${env.base}?case=frame-${id}${hash}`);
  await waitRun(page, 0, 90_000);
}

for (const [id, knobs] of [
  ['urandom', { cost: {} }],
  ['blocking-2-network', { cost: {} }],
  ['urandom', { cost: {}, go: '1.26' }],
] as [string, Knobs][]) {
  test(`every step of ${id}${knobs.go ? ` (Go ${knobs.go})` : ''}: each G/M/P is drawn exactly once, every counter equals the replay's, the sentence stops at the cursor`, async (page) => {
    const item = gallery.find((g) => g.id === id);
    assert(item, `${id} in the gallery`);
    await openRun(page, id, knobs);
    const out = await nodeRun(item.code, item.file, knobs);
    assert(out.ok, `${id} runs in node`);
    const log = out.result.log;
    const n = await page.evaluate(() => window.gmpsim.length());
    assert(n === log.length, `the page's run has ${n} events, the engine's ${log.length}`);
    const r = new Replay(log);
    // Per kind of disagreement: how many frames, and the first one.
    const bad = new Map<string, { n: number; first: string }>();
    const note = (kind: string, at: number, what: string): void => {
      const b = bad.get(kind);
      if (b) b.n++;
      else bad.set(kind, { n: 1, first: `at event ${at}: ${what}` });
    };
    for (let from = 0; from <= n; from += 500) {
      for (const f of await readFrames(page, from, Math.min(n, from + 499))) {
        r.seek(f.at);
        const c: Counts = r.counts();
        const want = counterIds.map((k) => c[k]);
        if (f.dup.length) note('drawn twice', f.at, f.dup.join(' '));
        if (JSON.stringify(f.counters) !== JSON.stringify(want)) note('counters', f.at, `${JSON.stringify(f.counters)} != replay ${JSON.stringify(want)} (${counterIds.join(',')})`);
        if (f.waitingCount !== c.waiting) note('parked count', f.at, `"Parked goroutines" ${f.waitingCount} != the counter's G parked ${c.waiting}`);
        if (f.mShown + f.mMore !== c.threads) note('Ms drawn', f.at, `${f.mShown} M chips + ${f.mMore} more != ${c.threads} threads`);
        const gs = placedGs(r);
        if (f.gShown + f.gMore !== gs) note('Gs drawn', f.at, `${f.gShown} G chips + ${f.gMore} more != ${gs} goroutines with a place`);
        const ps = r.ps.filter((p) => p).length;
        if (f.pShown !== ps) note('Ps drawn', f.at, `${f.pShown} P boxes != ${ps} Ps`);
        if (f.at > 0 && f.whyLast !== f.at - 1) note('sentence', f.at, `the sentence covers up to event ${f.whyLast}, the cursor has applied up to ${f.at - 1}`);
      }
    }
    assert(bad.size === 0, `frames that disagree with the replay, by kind:\n    ${[...bad].map(([k, b]) => `${k}: ${b.n} frames, first ${b.first}`).join('\n    ')}`);
  }, 300_000);
}

test('on load the cursor shows a scene: the first retake / preemption / netpoll wake, applied with its whole instant', async (page) => {
  const item = gallery.find((g) => g.id === 'urandom')!;
  await openRun(page, 'urandom', { cost: {} });
  const out = await nodeRun(item.code, item.file, { cost: {} });
  assert(out.ok, 'urandom runs');
  const log = out.result.log;
  let first = -1;
  for (let i = 0; i < log.length && first < 0; i++) if (log.k[i] === E.Retake || log.k[i] === E.Preempted || (log.k[i] === E.Netpoll && log.a[i]! > 0)) first = i;
  let end = first;
  while (end + 1 < log.length && log.t[end + 1] === log.t[first]) end++;
  await waitCursor(page, end + 1);
  const chips = await page.locator('#picture [data-g]').count();
  assert(chips > 0, 'the picture shows goroutines on load');
  await page.screenshot({ path: path.join(shots, 'on-load.png') });
});

test('a step inside an instant: the sentence tells what is applied, the rest is marked "not yet applied"', async (page) => {
  const item = gallery.find((g) => g.id === 'blocking-3-syscall')!;
  await openRun(page, item.id, { cost: {} });
  const out = await nodeRun(item.code, item.file, { cost: {} });
  assert(out.ok, 'runs');
  const log = out.result.log;
  let retake = -1;
  for (let i = 0; i < log.length && retake < 0; i++) if (log.k[i] === E.Retake) retake = i;
  assert(retake >= 0 && log.t[retake + 1] === log.t[retake], 'a retake followed by more events at its instant');
  await page.evaluate(() => window.gmpsim.seek(0));
  await waitCursor(page, 0);
  await page.click('[data-testid=next-retake]');
  await waitCursor(page, retake + 1);
  const why = (await page.locator('[data-testid=why-text]').textContent()) ?? '';
  assert(/→ retake$/.test(why), `the sentence ends with the retake (what the current event did): ${why}`);
  assert(!/handoffp/.test(why), `the sentence tells the handoff before it is applied: ${why}`);
  const next = (await page.locator('[data-testid=why-next]').textContent()) ?? '';
  assert(/not yet applied/.test(next) && /handoffp/.test(next), `the rest of the instant is marked: ${next}`);
});

test('arrows are drawn from where the chips end up, not from where a slide has them', async (page) => {
  const item = gallery.find((g) => g.id === 'urandom')!;
  await openRun(page, item.id, { cost: {} });
  const out = await nodeRun(item.code, item.file, { cost: {} });
  assert(out.ok, 'runs');
  const log = out.result.log;
  // Steps whose arrow ends on an M chip (startm: the M moves from the idle lane into the P box).
  const starts: number[] = [];
  for (let i = 0; i < log.length && starts.length < 5; i++) if (log.k[i] === E.StartM && log.b[i] === 0) starts.push(i);
  assert(starts.length > 0, 'urandom wakes idle Ms');
  let checked = 0;
  for (const i of starts) {
    await page.evaluate((at) => window.gmpsim.seek(at), i);
    await waitCursor(page, i);
    await page.waitForTimeout(50);
    await page.click('[data-testid=fwd]');
    await waitCursor(page, i + 1);
    const ends = await page.evaluate(() =>
      [...document.querySelectorAll<SVGPathElement>('svg.arrows path[marker-end]')].map((p) => {
        const d = p.getAttribute('d')!;
        const nums = d.match(/-?[\d.]+/g)!.map(Number);
        return { to: p.dataset['to'] ?? '', x: nums[nums.length - 2]!, y: nums[nums.length - 1]! };
      }),
    );
    // Let every slide finish, then measure the targets where they rest.
    await page.waitForTimeout(700);
    for (const e of ends) {
      const box = await page.evaluate((e) => {
        const root = document.getElementById('picture')!.getBoundingClientRect();
        const el = document.getElementById('picture')!.querySelector(e.to);
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return { x0: r.left - root.left, y0: r.top - root.top, x1: r.right - root.left, y1: r.bottom - root.top };
      }, e);
      assert(box, `arrow target ${e.to} is in the picture`);
      assert(e.x >= box.x0 - 3 && e.x <= box.x1 + 3 && e.y >= box.y0 - 3 && e.y <= box.y1 + 3, `the arrow to ${e.to} ends at (${e.x.toFixed(0)}, ${e.y.toFixed(0)}), outside the target at rest ${JSON.stringify(box)}`);
      checked++;
    }
  }
  assert(checked > 0, 'no arrow was drawn after a startm step');
});
