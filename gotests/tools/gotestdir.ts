// Developer tool: run Go's own test programs (/usr/lib/go-1.19/test, `// run` ones) that compileGo
// accepts, on the simulated runtime; compare with the .out file if any, else expect exit 0.
import { readFileSync, existsSync } from 'node:fs';
import { compileGo } from '../../src/golang/index.js';
import { run } from '../../src/runtime/runtime.js';
let pass = 0, fail = 0, skipped = 0;
for (const f of process.argv.slice(2)) {
  const text = readFileSync(f, 'utf8');
  if (!/^\/\/ run\s*$/m.test(text) || !/^package main\b/m.test(text)) { skipped++; continue; }
  const r = compileGo([{ name: 'main.go', text }]);
  if (!r.ok) { skipped++; continue; }
  let res;
  try {
    res = run({ main: r.main, linksOS: r.linksOS, ncpu: 2, storeLog: false, until: 20e9, maxEvents: 20_000_000 });
  } catch (e) { console.log('CRASH', f, (e as Error).message.split('\n')[0]); fail++; continue; }
  const outF = f.replace(/\.go$/, '.out');
  const want = existsSync(outF) ? readFileSync(outF, 'utf8') : '';
  if (res.exitCode === 0 && res.stdout + res.stderr === want) pass++;
  else { fail++; console.log('FAIL', f.split('/').pop(), 'exit', res.exitCode, JSON.stringify((res.stdout + res.stderr).slice(0, 300)), res.message.slice(0, 100)); }
}
console.log({ pass, fail, skipped });
