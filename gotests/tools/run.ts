import { readFileSync } from 'node:fs';
import { compileGo, formatGoErrors } from '../../src/golang/index.ts';
import { run, parseGODEBUG } from '../../src/runtime/runtime.ts';
const f = process.argv[2]!;
const r = compileGo([{ name: 'main.go', text: readFileSync(f, 'utf8') }], { env: process.env as Record<string, string>, go: process.env.GO as '1.19' | '1.26' | undefined });
if (!r.ok) { process.stderr.write(formatGoErrors(r.errors)); process.exit(1); }
if (process.env.JS) console.log(r.js);
const res = run({ main: r.main, linksOS: r.linksOS, linksCgo: r.linksCgo, gomaxprocs: Number(process.env.GOMAXPROCS ?? 8), godebug: parseGODEBUG(process.env.GODEBUG ?? '').flags, seed: 1, go: process.env.GO as '1.19' | '1.26' | undefined, storeLog: false, until: Number(process.env.UNTIL ?? 60e9) });
process.stdout.write(res.stdout); process.stderr.write(res.stderr);
if (res.message) process.stderr.write(res.message + '\n');
console.error(`[exit ${res.exitCode} sim ${res.simTime}ns events ${res.events}]`);
