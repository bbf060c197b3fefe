#!/usr/bin/env node
// Records real Go's behaviour for the corpus: for every program <root>/<source>/**/*.go, builds it with
// the named toolchain and runs it (no arguments and empty stdin unless <name>.args / <name>.stdin
// beside it give them; a fixed environment), writing
// <root>/reference/go<release>/<source>/<name>.json:
//   { go, goBinary, env, runs, stdout, stderr (normalised as gotests/record.mjs does), exit }.
// Stability: a program is run 3 times; if the runs differ it is run 10 times with GOMAXPROCS=1
// (the recorded env then says so); if those differ too it is not a corpus program for that toolchain.
// Programs that do not build, time out (10 s) or are unstable are listed with their reason in
// <root>/reference/go<release>/excluded.json instead. A source with a RELEASES file (one release a
// line) is recorded for those releases only.
//
// Usage: node corpus/record.mjs --go /usr/lib/go-1.19/bin/go [--root DIR] [--missing] [source | source/name]…
//        (--missing: only programs with neither a reference nor an exclusion on that release yet)
//        node corpus/record.mjs --go /usr/local/go/bin/go …
// The toolchain is named by its release or path (--go 1.19|1.26|PATH) and checked with `go version` (go1.19.8 or go1.26.8),
// never taken from PATH. Output-only: no timing is recorded, so no quiet machine or lock is needed.
import { spawnSync } from 'node:child_process';
import { resolveGoOrExit } from '../conformance/toolchain.mjs';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, mkdirSync, rmSync, existsSync, statSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

const args = process.argv.slice(2);
let GO = '';
let root = here;
let runs = 3;
/** Runs with GOMAXPROCS=1 after the default runs differed. */
const fallbackRuns = 10;
const only = [];
let missingOnly = false;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--go') GO = args[++i];
  else if (args[i] === '--root') root = args[++i];
  else if (args[i] === '--runs') runs = Number(args[++i]);
  else if (args[i] === '--missing') missingOnly = true;
  else only.push(args[i].replace(/\.go$/, ''));
}
// The release and its exact toolchain, as the other recorders resolve them (conformance/toolchain.mjs:
// a release or a path, checked with `go version` against the profiles in src/runtime/version.ts).
const resolved = resolveGoOrExit(GO, 'corpus/record');
GO = resolved.bin;
const release = resolved.release;
const goEnv = { PATH: '/usr/bin:/bin', HOME: '/tmp', GOCACHE: `/tmp/gocache-corpus-${release}`, GOPATH: '/tmp/gopath', GO111MODULE: 'off', CGO_ENABLED: '0', GOFLAGS: '', GOTOOLCHAIN: 'local' };
const version = resolved.versionLine;
const refDir = join(root, 'reference', `go${release}`);

/** The environment of every run (recorded in the reference): nothing from the recording shell. */
const runEnv = { PATH: '/usr/bin:/bin', HOME: '/tmp', LANG: 'C' };

export function normalise(s, dir) {
  return s
    .split(dir)
    .join('/tmp/gmpsim')
    .replace(/\+0x[0-9a-f]+/g, '+0x0')
    .replace(/pc=0x[0-9a-f]+/g, 'pc=0x0')
    .replace(/^([\w./*()[\]]+)\((0x[^)]*|\.\.\.|[^)]+)\)$/gm, '$1(...)');
}

function programs() {
  const out = [];
  const walk = (d) => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.go')) out.push(relative(root, p).slice(0, -3));
    }
  };
  for (const s of readdirSync(root).sort()) {
    const p = join(root, s);
    if (s === 'reference' || s === 'node_modules' || !statSync(p).isDirectory()) continue;
    // A source may be meant for some releases only (RELEASES: one per line), e.g. tests of later Go.
    const rel = join(p, 'RELEASES');
    if (existsSync(rel) && !readFileSync(rel, 'utf8').split(/\s+/).includes(release)) continue;
    walk(p);
  }
  return out.filter((n) => !only.length || only.some((o) => n === o || n.startsWith(o + '/')));
}

/**
 * A program's fixed input, beside it: <name>.args (its command-line arguments, one a line) and
 * <name>.stdin (its standard input, byte for byte). Without them: no arguments, empty stdin.
 */
function inputs(root, name) {
  const a = join(root, `${name}.args`);
  const i = join(root, `${name}.stdin`);
  return {
    args: existsSync(a) ? readFileSync(a, 'utf8').split('\n').filter((l, k, all) => k < all.length - 1 || l !== '') : [],
    stdin: existsSync(i) ? readFileSync(i) : undefined,
  };
}

function runOnce(dir, env, input) {
  const stdio = [input.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'];
  const r = spawnSync(join(dir, 'prog'), input.args, { cwd: dir, env: { ...runEnv, ...env }, encoding: 'utf8', timeout: 10_000, killSignal: 'SIGKILL', maxBuffer: 64 << 20, stdio, ...(input.stdin ? { input: input.stdin } : {}) });
  // ENOBUFS: the program wrote more than maxBuffer (an endless printing loop); spawnSync killed it
  // (killSignal) and gives no output
  if (r.error?.code === 'ENOBUFS') return { failed: 'writes more than 64 MiB of output' };
  const timedOut = r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGKILL';
  // EACCES: a package other than main builds into an archive, not an executable (spawnSync then gives null output)
  if (r.error?.code === 'EACCES' || r.error?.code === 'ENOEXEC') return { failed: 'not a command: go build made no executable (its package is not main)' };
  if (r.error && !timedOut) return { failed: `could not be run: ${r.error.message}` };
  return { stdout: r.stdout, stderr: normalise(r.stderr, dir), exit: r.status, signal: r.signal, timedOut };
}
const same = (a, b) => a.stdout === b.stdout && a.stderr === b.stderr && a.exit === b.exit && a.timedOut === b.timedOut;

function record(name) {
  const src = readFileSync(join(root, `${name}.go`), 'utf8');
  const input = inputs(root, name);
  const dir = mkdtempSync(join(tmpdir(), 'gocorpus-'));
  try {
    writeFileSync(join(dir, 'main.go'), src);
    const b = spawnSync(GO, ['build', '-o', 'prog', 'main.go'], { cwd: dir, env: goEnv, encoding: 'utf8' });
    if (b.status !== 0) return { excluded: `does not build: ${b.stderr.split(dir).join('.').trim().split('\n').slice(0, 3).join(' | ')}` };
    for (const env of [{}, { GOMAXPROCS: '1' }]) {
      // A program that already varied needs more evidence that GOMAXPROCS=1 made it stable (map
      // iteration order, for one, does not depend on it and has few orders for a small map).
      const n = env.GOMAXPROCS ? Math.max(runs, fallbackRuns) : runs;
      const rs = [];
      for (let i = 0; i < n; i++) {
        rs.push(runOnce(dir, env, input));
        if (rs[i].failed) return { excluded: rs[i].failed };
        if (rs[i].timedOut) return { excluded: 'runs longer than 10 s on real Go' };
        if (i > 0 && !same(rs[0], rs[i])) break;
      }
      if (rs.length === n && rs.every((r) => same(rs[0], r))) {
        const r = rs[0];
        // os.Args[0] (or a path under it) differs from build to build: no stable reference
        if (r.stdout.includes(dir)) return { excluded: "prints its executable's path (os.Args[0]), which depends on where it was built" };
        const given = { ...(input.args.length ? { args: input.args } : {}), ...(input.stdin ? { stdinBytes: input.stdin.length } : {}) };
        return { ref: { go: version, goBinary: GO, env: { ...runEnv, ...env }, ...given, runs: n, stdout: r.stdout, stderr: r.stderr, exit: r.exit, ...(r.signal ? { signal: r.signal } : {}) } };
      }
    }
    return { excluded: `output differs between runs, also with GOMAXPROCS=1 (${runs} runs, then ${Math.max(runs, fallbackRuns)})` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const exclFile = join(refDir, 'excluded.json');
const excluded = existsSync(exclFile) ? JSON.parse(readFileSync(exclFile, 'utf8')) : {};
let n = 0;
for (const name of programs()) {
  if (missingOnly && (excluded[name] !== undefined || existsSync(join(refDir, `${name}.json`)))) continue;
  const r = record(name);
  const file = join(refDir, `${name}.json`);
  if (r.ref) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(r.ref, null, 1) + '\n');
    delete excluded[name];
    n++;
    console.log(`${name}: exit ${r.ref.exit}${r.ref.env.GOMAXPROCS ? ' (GOMAXPROCS=1)' : ''}`);
  } else {
    rmSync(file, { force: true });
    excluded[name] = r.excluded;
    console.log(`${name}: EXCLUDED ${r.excluded}`);
  }
  // after every program, so an interrupted recording resumes with --missing
  writeExcluded();
}
function writeExcluded() {
  mkdirSync(refDir, { recursive: true });
  writeFileSync(exclFile, JSON.stringify(Object.fromEntries(Object.keys(excluded).sort().map((k) => [k, excluded[k]])), null, 1) + '\n');
}
writeExcluded();
console.log(`${version}: ${n} recorded, ${Object.keys(excluded).length} excluded in total`);
