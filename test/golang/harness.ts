/**
 * Shared helpers for the Go frontend tests: run a gotests/ program with compileGo + run() under a Go
 * release's profile and compare it with the behaviour of that release's real toolchain, recorded by
 * `node gotests/record.mjs --go <release>` in gotests/reference/go<release>/<name>.json (the reference
 * source of every comparison).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { compileGo, formatGoErrors, type CompileOptions } from '../../src/golang/index.js';
import { run, parseGODEBUG, type RunResult } from '../../src/runtime/runtime.js';
import { goReleases, gopathModeGODEBUG, type GoRelease } from '../../src/runtime/version.js';

export const root = join(import.meta.dirname, '..', '..', 'gotests');

export interface Reference {
  go: string;
  env?: Record<string, string>;
  stdout?: string;
  stderr?: string;
  exit: number | null;
  timedOut?: boolean;
  buildErrors?: string;
}

/** gotests/reference/go<release>/ */
export const refDir = (release: GoRelease): string => join(root, 'reference', `go${release}`);

/** The releases whose toolchain recorded the corpus (a directory gotests/reference/go<release>/). */
export function recordedReleases(): GoRelease[] {
  return goReleases.filter((r) => existsSync(refDir(r)));
}

export function reference(name: string, release: GoRelease = '1.19'): Reference {
  return JSON.parse(readFileSync(join(refDir(release), `${name}.json`), 'utf8')) as Reference;
}

export function corpus(release: GoRelease = '1.19'): string[] {
  return readdirSync(root)
    .filter((f) => f.endsWith('.go'))
    .map((f) => f.slice(0, -3))
    .filter((n) => existsSync(join(refDir(release), `${n}.json`)))
    .sort();
}

export function errorCorpus(): string[] {
  return readdirSync(join(root, 'errors'))
    .filter((f) => f.endsWith('.go'))
    .map((f) => f.slice(0, -3))
    .sort();
}

/**
 * gotests/known-failures.json: per release ("go1.26"), the programs (reference names: `err_<name>` for
 * gotests/errors/) whose real-Go behaviour gmpsim does not reproduce yet → the cause.
 */
export function knownFailures(release: GoRelease): Record<string, string> {
  const j = JSON.parse(readFileSync(join(root, 'known-failures.json'), 'utf8')) as Record<string, unknown>;
  return (j[`go${release}`] ?? {}) as Record<string, string>;
}

/** The recording machine had 2 CPUs: GOMAXPROCS defaults to 2 unless the program sets it. */
export const recordNCPU = 2;

export function runGo(src: string, env: Record<string, string> = {}, opts: CompileOptions = {}, until = 20e9, release: GoRelease = '1.19'): { compile: string | null; res: RunResult | null } {
  // the release's compiler: its syntax and type-checking rules where they differ (generics' inference, comparable)
  // the program sees its header's environment (package net/http reads GODEBUG=httpmuxgo121)
  const r = compileGo([{ name: 'main.go', text: src }], { go: release, env, ...opts });
  if (!r.ok) return { compile: formatGoErrors(r.errors), res: null };
  const res = run({
    main: r.main,
    linksOS: r.linksOS,
    linksCgo: r.linksCgo,
    ncpu: recordNCPU,
    go: release,
    gomaxprocs: env.GOMAXPROCS ? Number(env.GOMAXPROCS) : recordNCPU,
    // recorded as a GOPATH-mode build (gotests/record.mjs): that build's GODEBUG defaults, then the program's own
    godebug: parseGODEBUG([gopathModeGODEBUG(release), env.GODEBUG ?? ''].filter((s) => s !== '').join(',')).flags,
    seed: 1,
    storeLog: false,
    until,
  });
  return { compile: null, res };
}

/**
 * Normalised stderr for comparison: `+0x…` offsets dropped, frames of Go's own library (files
 * outside the program) dropped, frame arguments as (...). The simulator prints the same shape.
 */
export function normStderr(s: string): string {
  // Addresses the model does not have: a throw's fp/sp/pc and gp/mp, newstack's sp and stack bounds.
  s = s
    .replace(/ fp=0x[0-9a-f]+ sp=0x[0-9a-f]+ pc=0x[0-9a-f]+/g, '')
    .replace(/ gp=0x[0-9a-f]+ m=(\d+ mp=0x[0-9a-f]+|nil)/g, ' gp=0x0 m=$1')
    .replace(/ mp=0x[0-9a-f]+/g, ' mp=0x0')
    .replace(/^runtime: sp=0x[0-9a-f]+ stack=\[0x[0-9a-f]+, 0x[0-9a-f]+\]$/m, 'runtime: sp=0x0 stack=[0x0, 0x0]');
  // A stack overflow's depth: Go's limit is 1 GB of stack (tens of millions of small frames), the
  // simulator's 500,000 frames (golang/rt/goroutine.ts maxGoFrames), so go1.21+'s count of the
  // frames it leaves out differs; the frames it prints do not.
  if (/^fatal error: stack overflow$/m.test(s)) s = s.replace(/^\.\.\.\d+ frames elided\.\.\.$/m, '...N frames elided...');
  const lines = s.replace(/ \+0x[0-9a-f]+/g, '').split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const next = lines[i + 1] ?? '';
    if (/^[\w./*()]+\(.*\)$/.test(l) && next.startsWith('\t') && !next.includes('/tmp/gmpsim/')) {
      i++;
      continue;
    }
    out.push(l.replace(/^([\w./*()]+)\((.+)\)$/, '$1(...)'));
  }
  return out.join('\n').trimEnd();
}
