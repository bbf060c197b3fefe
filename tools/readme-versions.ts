/**
 * Rewrites the Go versions table in README.md and cli/README-cli.md from the profile definitions
 * (src/runtime/version.ts via src/views/versions.ts), between their markers: `npm run readme:versions`.
 * test/docs/versions.test.ts fails when a checked-in table differs from the generated one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { versionsBegin, versionsEnd, versionTableMarkdown } from '../src/views/versions.js';

for (const name of ['README.md', 'cli/README-cli.md']) {
  const file = new URL(`../../${name}`, import.meta.url);
  const text = readFileSync(file, 'utf8');
  const b = text.indexOf(versionsBegin);
  const e = text.indexOf(versionsEnd);
  if (b < 0 || e < b) throw new Error(`${name} has no ${versionsBegin} … ${versionsEnd} section`);
  const next = text.slice(0, b + versionsBegin.length) + '\n' + versionTableMarkdown() + '\n' + text.slice(e);
  if (next !== text) writeFileSync(file, next);
  console.log(next === text ? `${name}: Go versions table up to date` : `${name}: Go versions table rewritten`);
}
