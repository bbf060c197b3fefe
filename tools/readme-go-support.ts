/**
 * Rewrites the Go support table in README.md ("Running Go programs") from the package modules
 * (src/golang/std/support.ts), between its markers: `npm run readme:go-support`.
 * test/golang/support.test.ts fails when the README's table differs from the generated one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { supportBegin, supportEnd, supportTableMarkdown } from '../src/golang/std/support.js';

const file = new URL('../../README.md', import.meta.url);
const readme = readFileSync(file, 'utf8');
const b = readme.indexOf(supportBegin);
const e = readme.indexOf(supportEnd);
if (b < 0 || e < b) throw new Error(`README.md has no ${supportBegin} … ${supportEnd} section`);
const next = readme.slice(0, b + supportBegin.length) + '\n' + supportTableMarkdown() + '\n' + readme.slice(e);
if (next !== readme) writeFileSync(file, next);
console.log(next === readme ? 'README.md: Go support table up to date' : 'README.md: Go support table rewritten');
