#!/usr/bin/env node
// Records what `go run NAME.go` prints (stderr) and its exit status for every invalid program in
// this folder, on both toolchains gmpsim models, into expected.json (stamped with `go version`).
// Each program is copied alone into a fresh temporary directory and run from there, so paths
// print as `./NAME.go`, as for a user running `go run NAME.go` in the program's directory.
//
//   flock /tmp/gorecord.lock node test/golang/syntax/record.mjs [NAME...]
//
// The toolchains: go1.19 is /usr/lib/go-1.19/bin/go, go1.26 is /usr/local/go/bin/go (override with
// GO119=/path GO126=/path). NAMEs re-record only those programs (the others are kept).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const toolchains = { '1.19': process.env.GO119 ?? '/usr/lib/go-1.19/bin/go', '1.26': process.env.GO126 ?? '/usr/local/go/bin/go' };
const out = join(here, 'expected.json');
const prev = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : { toolchains: {}, cases: {} };
const only = process.argv.slice(2);
const names = readdirSync(here)
  .filter((f) => f.endsWith('.go'))
  .map((f) => f.slice(0, -3))
  .sort();

const env = { ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '', GO111MODULE: 'on', GOWORK: 'off' };
const result = { toolchains: {}, cases: {} };
// re-recording some programs keeps the others' recordings (of programs still here)
if (only.length) for (const n of names) if (prev.cases[n]) result.cases[n] = prev.cases[n];
for (const [rel, bin] of Object.entries(toolchains)) {
  const version = execFileSync(bin, ['version'], { env, encoding: 'utf8' }).trim();
  result.toolchains[rel] = { binary: bin, version };
}
for (const name of names) {
  if (only.length && !only.includes(name)) continue;
  const rec = {};
  for (const [rel, bin] of Object.entries(toolchains)) {
    const dir = mkdtempSync(join(tmpdir(), 'gmpsim-syntax-'));
    try {
      copyFileSync(join(here, `${name}.go`), join(dir, `${name}.go`));
      const r = spawnSync(bin, ['run', `${name}.go`], { cwd: dir, env, encoding: 'utf8', timeout: 120_000 });
      rec[rel] = { exit: r.status, stderr: r.stderr, stdout: r.stdout };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  result.cases[name] = rec;
  result.cases = Object.fromEntries(Object.entries(result.cases).sort(([a], [b]) => (a < b ? -1 : 1)));
  process.stdout.write(`${name}: ${rec['1.19'].exit}/${rec['1.26'].exit} ${rec['1.19'].stderr.split('\n')[1] ?? ''}\n`);
}
writeFileSync(out, JSON.stringify(result, null, 1) + '\n');
console.log(`recorded ${Object.keys(result.cases).length} programs into ${out}`);
