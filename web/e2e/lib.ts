/**
 * What the e2e test files share: the gallery as the page loads it, a run of the same workload in
 * this process (the expected values), page helpers, and the test registry the runner (e2e.ts) walks.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { runWorkload } from '../src/runner';
import { galleryFrom, type GalleryItem } from '../src/gallery';
import type { Knobs, Lang } from '../src/protocol';
import { repoDir, webDir } from './harness';

export const shots = path.join(webDir, 'screenshots');
fs.mkdirSync(shots, { recursive: true });

/** A file of the repository. */
export const repoFile = (p: string): string => path.join(repoDir, p);

/** The page's URL (set by the runner once the server is up). */
export const env = { base: '' };

function readDir(dir: string, exts: string[], prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!fs.existsSync(dir)) return out;
  for (const f of fs.readdirSync(dir)) if (exts.some((e) => f.endsWith(e))) out[`${prefix}/${f}`] = fs.readFileSync(path.join(dir, f), 'utf8');
  return out;
}
/** whatif/traces/NAME.trace by path (the page's gallery has the bundled file's URL instead). */
function traceFiles(): Record<string, string> {
  const dir = path.join(repoDir, 'whatif/traces');
  const out: Record<string, string> = {};
  if (fs.existsSync(dir)) for (const f of fs.readdirSync(dir)) if (f.endsWith('.trace')) out[`../../whatif/traces/${f}`] = path.join(dir, f);
  return out;
}
export const gallery: GalleryItem[] = galleryFrom(
  readDir(path.join(repoDir, 'examples'), ['.ts', '.go'], '../../examples'),
  readDir(path.join(webDir, 'src/workloads'), ['.ts'], './workloads'),
  readDir(path.join(repoDir, 'whatif/programs'), ['.go'], '../../whatif/programs'),
  traceFiles(),
);

/** The bytes of a trace file of the repository (a gallery trace item's traceUrl is its path here). */
export function traceBytes(file: string): ArrayBuffer {
  const b = fs.readFileSync(file);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

export async function nodeRun(code: string, file: string, knobs: Knobs, lang: Lang = 'ts', trace?: ArrayBuffer) {
  let goLoader;
  if (lang === 'go' && fs.existsSync(path.join(repoDir, 'src/golang/index.ts'))) goLoader = async () => (await import('../../src/golang/index.js')) as never;
  const out = await runWorkload({ type: 'run', lang, code, file, knobs, ...(trace ? { trace } : {}) }, goLoader);
  return out;
}

export function assert(cond: unknown, msg: string): asserts cond {
  if (!cond) throw new Error(msg);
}

// ---------------------------------------------------------------- page helpers
export async function doneCount(page: Page): Promise<number> {
  return Number((await page.evaluate(() => document.body.dataset['done'])) ?? 0);
}
export async function waitRun(page: Page, before: number, timeout = 60_000): Promise<void> {
  await page.waitForFunction((n) => Number(document.body.dataset['done'] ?? 0) > n, before, { timeout });
}
export async function waitCursor(page: Page, n: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelector<HTMLElement>('[data-testid=pos]')?.dataset['cursor'] === String(n), n, { timeout: 10_000 });
}
export async function cursor(page: Page): Promise<number> {
  return Number(await page.locator('[data-testid=pos]').getAttribute('data-cursor'));
}

export async function typeCode(page: Page, code: string): Promise<void> {
  await page.click('.cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
  const text = await page.evaluate(() => (document.querySelector('.cm-content') as HTMLElement).innerText);
  assert(text.replace(/\s+/g, '') === code.replace(/\s+/g, ''), `the editor holds\n${text}`);
}

// ---------------------------------------------------------------- tests
export type Test = { name: string; fn: (page: Page) => Promise<void>; timeout?: number };
export const tests: Test[] = [];
export const test = (name: string, fn: Test['fn'], timeout = 120_000): void => void tests.push({ name, fn, timeout });
