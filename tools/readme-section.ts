/**
 * Rewrites the generated section of a Markdown file between its begin and end markers (the
 * readme:* scripts): one place for the marker handling the README's generated tables share.
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** Replace what stands between `begin` and `end` in `name` (relative to the repository root) with `body`; report. */
export function rewriteSection(name: string, begin: string, end: string, body: string, what: string): void {
  const file = new URL(`../../${name}`, import.meta.url);
  const text = readFileSync(file, 'utf8');
  const b = text.indexOf(begin);
  const e = text.indexOf(end);
  if (b < 0 || e < b) throw new Error(`${name} has no ${begin} … ${end} section`);
  const next = text.slice(0, b + begin.length) + '\n' + body + '\n' + text.slice(e);
  if (next !== text) writeFileSync(file, next);
  console.log(next === text ? `${name}: ${what} up to date` : `${name}: ${what} rewritten`);
}
