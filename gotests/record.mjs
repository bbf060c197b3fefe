#!/usr/bin/env node
// Records the behaviour of real Go for every program in gotests/*.go and gotests/errors/*.go into
// gotests/reference/go<release>/<name>.json:
//   { go, env, stdout, stderr (normalised), exit, timedOut } for runnable programs,
//   { go, buildErrors, exit: 1 } for programs that do not compile.
// Usage: node gotests/record.mjs --go 1.19|1.26|PATH [name…]      (no dependencies)
//   --go: a release, resolved to the exact toolchain of its gmpsim profile (go1.19.8 is Debian's
//   /usr/lib/go-1.19/bin/go, go1.26.8 the `go` whose `go version` says so; conformance/toolchain.mjs), or
//   a go binary whose version must be one of those toolchains. The output directory follows the release.
//   Programs are built in GOPATH mode (GO111MODULE=off): language version and GODEBUG defaults are the
//   toolchain's own.
//
// A program may start with `// gmpsim: KEY=VALUE …` lines: environment for the run (GOMAXPROCS,
// GODEBUG) and `timeout=<seconds>` (the run is killed after it; `timedOut: true` is recorded).
//
// Normalisation of stderr (so the simulator's tracebacks can be compared): the temporary build
// directory becomes /tmp/gmpsim, `+0x…` offsets become +0x0, frame arguments `(0x…, …)` become
// `(...)`, `pc=0x…` becomes pc=0x0, and `goroutine N [...]` headers are kept as they are.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { resolveGoOrExit } from '../conformance/toolchain.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const goAt = args.indexOf('--go');
const tc = resolveGoOrExit(goAt >= 0 ? args[goAt + 1] : undefined, 'gotests/record');
if (goAt >= 0) args.splice(goAt, 2);
const GO = tc.bin;
const goEnv = { ...process.env, GOCACHE: '/tmp/gocache', GOPATH: '/tmp/gopath', GO111MODULE: 'off', GOTOOLCHAIN: 'local', CGO_ENABLED: '0', GOFLAGS: '' };
const version = execFileSync(GO, ['version'], { env: goEnv }).toString().trim();
const refDir = join(here, 'reference', tc.outName);
mkdirSync(refDir, { recursive: true });
console.log(`${version} (${GO}) -> gotests/reference/${tc.outName}/`);

export function normalise(s, dir) {
  return s
    .split(dir)
    .join('/tmp/gmpsim')
    .replace(/\+0x[0-9a-f]+/g, '+0x0')
    .replace(/pc=0x[0-9a-f]+/g, 'pc=0x0')
    .replace(/^([\w./*()]+)\((0x[^)]*|\.\.\.|[^)]+)\)$/gm, '$1(...)')
    .replace(/^exit status \d+\n/m, '');
}

// Only PATH/HOME/LANG/TMPDIR/USER from the caller, plus the program's header variables: a GODEBUG or
// GOMAXPROCS in the recording shell must not leak into the reference.
function runEnv(env) {
  const out = {};
  for (const k of ['PATH', 'HOME', 'LANG', 'TMPDIR', 'USER']) if (process.env[k] !== undefined) out[k] = process.env[k];
  return { ...out, ...env };
}

function header(src) {
  const env = {};
  let timeout = 10;
  const cgo = /^import "C"/m.test(src) || /^\s*"C"$/m.test(src);
  for (const m of src.matchAll(/^\/\/ gmpsim: (.*)$/gm)) {
    for (const kv of m[1].trim().split(/\s+/)) {
      // KEY=VALUE, split at the first '=' (GODEBUG=httpmuxgo121=0)
      const eq = kv.indexOf('=');
      const [k, v] = eq < 0 ? [kv, undefined] : [kv.slice(0, eq), kv.slice(eq + 1)];
      if (k === 'timeout') timeout = Number(v);
      else if (/^[A-Z]/.test(k)) env[k] = v;
    }
  }
  return { env, timeout, cgo };
}

function record(file, isError) {
  const name = basename(file, '.go');
  const src = readFileSync(file, 'utf8');
  const { env, timeout, cgo } = header(src);
  const dir = mkdtempSync(join(tmpdir(), 'gorec-'));
  writeFileSync(join(dir, 'main.go'), src);
  const b = spawnSync(GO, ['build', '-o', 'prog', 'main.go'], { cwd: dir, env: { ...goEnv, CGO_ENABLED: cgo ? '1' : '0' }, encoding: 'utf8' });
  let out;
  if (b.status !== 0) {
    out = { go: version, buildErrors: b.stderr.split(dir).join('.'), exit: 1 };
  } else {
    const r = spawnSync(join(dir, 'prog'), [], { cwd: dir, env: runEnv(env), encoding: 'utf8', timeout: timeout * 1000, killSignal: 'SIGKILL', maxBuffer: 64 << 20 });
    const timedOut = r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGKILL';
    out = { go: version, env, stdout: r.stdout, stderr: normalise(r.stderr, dir), exit: timedOut ? null : r.status, timedOut };
  }
  if (isError && b.status === 0) console.warn(`warning: ${name} was expected not to compile`);
  writeFileSync(join(refDir, `${isError ? 'err_' : ''}${name}.json`), JSON.stringify(out, null, 1) + '\n');
  rmSync(dir, { recursive: true, force: true });
  console.log(`${isError ? 'err_' : ''}${name}: exit ${out.exit}${out.timedOut ? ' (timeout)' : ''}`);
}

const only = new Set(args);
for (const f of readdirSync(here).filter((f) => f.endsWith('.go')).sort()) if (!only.size || only.has(basename(f, '.go'))) record(join(here, f), false);
const errDir = join(here, 'errors');
if (existsSync(errDir)) for (const f of readdirSync(errDir).filter((f) => f.endsWith('.go')).sort()) if (!only.size || only.has(basename(f, '.go'))) record(join(errDir, f), true);
