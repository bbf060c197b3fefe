// Developer tool: compile many real Go files and report internal crashes (exceptions that are not
// Go errors / unsupported messages). Usage: npx tsx gotests/crashscan.ts /usr/lib/go-1.19/test/*.go
import { readFileSync } from 'node:fs';
import { compileGo } from '../../src/golang/index.js';
let ok = 0, errs = 0, unsup = 0, crash = 0;
const reasons = new Map<string, number>();
for (const f of process.argv.slice(2)) {
  const text = readFileSync(f, 'utf8');
  if (!/^package main\b/m.test(text)) continue;
  try {
    const r = compileGo([{ name: 'main.go', text }]);
    if (r.ok) ok++;
    else if (r.errors[0]!.msg.startsWith('unsupported')) { unsup++; const k = r.errors[0]!.msg.replace(/ \(at .*/, ''); reasons.set(k, (reasons.get(k) ?? 0) + 1); }
    else errs++;
  } catch (e) {
    crash++;
    console.log('CRASH', f, String((e as Error).message).split('\n')[0]);
  }
}
console.log({ ok, errs, unsup, crash });
console.log([...reasons].sort((a, b) => b[1] - a[1]).slice(0, 15));
if (process.env.SHOWERR) {
  for (const f of process.argv.slice(2)) {
    const text = readFileSync(f, 'utf8');
    if (!/^package main\b/m.test(text) || /^\/\/ errorcheck/m.test(text)) continue;
    try {
      const r = compileGo([{ name: 'main.go', text }]);
      if (!r.ok && !r.errors[0]!.msg.startsWith('unsupported')) console.log('ERR', f.split('/').pop(), r.errors[0]!.line + ':' + r.errors[0]!.col, r.errors[0]!.msg.split('\n')[0]);
    } catch (e) { console.log('CRASH', f, (e as Error).stack?.split('\n').slice(0, 3).join(' | ')); }
  }
}
