/**
 * Writes what the Go frontend makes of every program of the gotests corpus and of
 * conformance/programs — the emitted JavaScript, or the compile errors — one file per program, so
 * that a refactoring of the compiler (issue #11: resolve → check → emit) can show that it emits
 * the same code: snapshot before and after, then `diff -r`.
 *
 *   npm run go:emit-snapshot -- /tmp/emit-before
 *   … change the compiler …
 *   npm run go:emit-snapshot -- /tmp/emit-after && diff -r /tmp/emit-before /tmp/emit-after
 *
 * The refactorings of session 5 (rt/ by concept, the cycle break, resolve.ts, check/typexpr.ts and
 * check/decls.ts) left all 111 programs' code byte-identical but for op codes, now named ($K.Send).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileGo, formatGoErrors } from '../src/golang/index.js';

const out = process.argv[2];
if (!out) {
  console.error('usage: node dist/tools/go-emit-snapshot.js OUTDIR');
  process.exit(2);
}
const root = new URL('../..', import.meta.url).pathname;
let n = 0;
for (const dir of ['gotests', join('conformance', 'programs')]) {
  mkdirSync(join(out, dir), { recursive: true });
  for (const f of readdirSync(join(root, dir)).filter((x) => x.endsWith('.go')).sort()) {
    const r = compileGo([{ name: f, text: readFileSync(join(root, dir, f), 'utf8') }]);
    writeFileSync(join(out, dir, f.replace(/\.go$/, r.ok ? '.js' : '.errors')), r.ok ? r.js : formatGoErrors(r.errors));
    n++;
  }
}
console.log(`${n} programs written under ${out}`);
