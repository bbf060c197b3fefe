/**
 * The real-programs corpus (issue #11's acceptance): Go programs written by others, each recorded on
 * real go1.19.8 and go1.26.8 by corpus/record.mjs, run here on gmpsim's Go frontend and compared.
 *
 * What is compared, for one program and one release: stdout byte for byte, the exit status, and
 * stderr after the normalisation the gotests use (offsets and Go-library frames dropped, frame
 * arguments as `(...)`; goroutine ids compared up to their number when more than one P runs, since
 * they depend on startup races there). A program that does not compile on gmpsim, throws a JS
 * exception, or is still running at the budget fails with that cause.
 *
 * Failure causes are classified from the actual messages (classify): the category says what kind of
 * gap it is (unsupported package/member, compile error, compiler crash, wrong output, panic text,
 * exit status, timeout…) and the `key` groups programs broken by the same gap, for the ranking in
 * docs/corpus.md. Runs are in-process and deterministic (seed 1); a wall-clock watchdog only bounds
 * how long a broken program may keep the test suite busy (it reports, it never decides a pass).
 *
 * Input: the command-line arguments of <name>.args (one a line) and the standard input of <name>.stdin
 * when a program has them beside it (corpus/record.mjs gives real Go the same), else none and an empty
 * stdin. ncpu 2 like the recording machine.
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileGo, formatGoErrors } from '../src/golang/index.js';
import { run, parseGODEBUG } from '../src/runtime/runtime.js';
import { gopathModeGODEBUG, type GoRelease } from '../src/runtime/version.js';

export const corpusRoot = dirname(fileURLToPath(import.meta.url)).replace(/\/dist\/corpus$/, '/corpus');
export const releases: GoRelease[] = ['1.19', '1.26'];
/**
 * The pinned outcome, per release: every failing program with its cause (test/golang/realcorpus.test.ts
 * checks pass/fail and category against it; docs/corpus.md is generated from it), and the programs too
 * slow on gmpsim for `npm test` (run by `npm run corpus -- --check`).
 */
export const KNOWN_FILE = 'known-failures.json';
/** A program whose gmpsim run took longer than this (wall ms) in the pinning run is left to `npm run corpus`. */
export const slowMs = 2000;

export interface Pinned {
  failures: Record<GoRelease, Record<string, { category: Category; key: string; detail: string }>>;
  /** Programs that took more than slowMs on gmpsim when pinned (machine-dependent, so only a split). */
  slow: Record<GoRelease, string[]>;
}

export interface Reference {
  go: string;
  goBinary: string;
  env: Record<string, string>;
  runs: number;
  stdout: string;
  stderr: string;
  exit: number | null;
  signal?: string;
}

export type Category =
  | 'unsupported'
  | 'compile error'
  | 'compiler crash'
  | 'runtime crash'
  | 'timeout'
  | 'hang'
  | 'wrong output'
  | 'wrong result'
  | 'runtime panic'
  | 'exit status'
  | 'stderr text';

export interface Outcome {
  name: string;
  release: GoRelease;
  pass: boolean;
  category?: Category;
  /** The cause as the program meets it (first error line, first differing line…). */
  detail?: string;
  /** Groups programs broken by the same gap (detail with the program's own names taken out). */
  key?: string;
  /** Wall ms for compile + run. */
  ms: number;
}

/** Recorded programs of one release: "<source>/<path without .go>" for which a reference exists. */
export function programs(release: GoRelease, root = corpusRoot): string[] {
  const refRoot = join(root, 'reference', `go${release}`);
  if (!existsSync(refRoot)) return [];
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.json') && d !== refRoot) out.push(relative(refRoot, p).slice(0, -5));
    }
  };
  walk(refRoot);
  return out.filter((n) => existsSync(join(root, `${n}.go`))).sort();
}

export function reference(name: string, release: GoRelease, root = corpusRoot): Reference {
  return JSON.parse(readFileSync(join(root, 'reference', `go${release}`, `${name}.json`), 'utf8')) as Reference;
}

/** A program's fixed input (see corpus/record.mjs): <name>.args, one argument a line; <name>.stdin, raw bytes. */
export function inputs(name: string, root = corpusRoot): { args: string[]; stdin?: Uint8Array } {
  const a = join(root, `${name}.args`);
  const i = join(root, `${name}.stdin`);
  const args = existsSync(a) ? readFileSync(a, 'utf8').split('\n') : [];
  if (args.length && args[args.length - 1] === '') args.pop();
  return { args, ...(existsSync(i) ? { stdin: new Uint8Array(readFileSync(i)) } : {}) };
}

export function excluded(release: GoRelease, root = corpusRoot): Record<string, string> {
  const f = join(root, 'reference', `go${release}`, 'excluded.json');
  return existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as Record<string, string>) : {};
}

/** Same normalisation as test/golang/harness.ts normStderr (gotests): offsets, library frames, arguments. */
export function normStderr(s: string): string {
  const lines = s.replace(/ \+0x[0-9a-f]+/g, '').split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const next = lines[i + 1] ?? '';
    if (/^[\w./*()[\]]+\(.*\)$/.test(l) && next.startsWith('\t') && !next.includes('/tmp/gmpsim/')) {
      i++;
      continue;
    }
    out.push(l.replace(/^([\w./*()[\]]+)\((.+)\)$/, '$1(...)'));
  }
  return out.join('\n').trimEnd();
}

/** The recording machine had 2 CPUs. */
const recordNCPU = 2;
/** Simulated-time budget: real Go's recordings were cut at 10 s of wall time. */
const simBudget = 20e9;

/** Takes a compile error apart into a ranking key: positions, quoted names and numbers out. */
function keyOf(msg: string): string {
  return msg
    .replace(/^(\.\/)?[^:\s]*\.go:\d+(:\d+)?:\s*/, '')
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\b\d+\b/g, 'N')
    .trim();
}

function firstDiff(want: string, got: string): string {
  const a = want.split('\n');
  const b = got.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      const cut = (s: string | undefined): string => (s === undefined ? '(end)' : JSON.stringify(s.length > 80 ? s.slice(0, 80) + '…' : s));
      return `line ${i + 1}: want ${cut(a[i])}, got ${cut(b[i])}`;
    }
  }
  return '';
}

/** Go's predeclared identifiers (the spec's universe block): `undefined: <one of these>` is a gap of gmpsim. */
const predeclared = ['any', 'bool', 'byte', 'comparable', 'complex64', 'complex128', 'error', 'float32', 'float64', 'int', 'int8', 'int16', 'int32', 'int64', 'rune', 'string', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr', 'true', 'false', 'iota', 'nil', 'append', 'cap', 'clear', 'close', 'complex', 'copy', 'delete', 'imag', 'len', 'make', 'max', 'min', 'new', 'panic', 'print', 'println', 'real', 'recover'];

/** Groups a compile message of gmpsim into a cause: `unsupported: pkg.Member` stays named. */
function compileCause(text: string): { category: Category; detail: string; key: string } {
  const lines = text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const uns = lines.find((l) => /unsupported/.test(l));
  if (uns) {
    const m = /unsupported:?\s*(.*)$/.exec(uns);
    const what = (m?.[1] ?? uns).replace(/\s*is outside the Go subset gmpsim runs\.?$/, '').trim();
    return { category: 'unsupported', detail: what, key: `unsupported: ${what.replace(/\s*\(at [^)]*\)/g, '').replace(/\b\d+\b/g, 'N')}` };
  }
  const msgs = lines.map((l) => l.replace(/^(\.\/)?[^:\s]*\.go:/, 'main.go:'));
  // Gaps of gmpsim that it reports in Go's words for a missing thing: still gaps, not program errors.
  for (const l of msgs) {
    const pkg = /package (\S+) is not in GOROOT/.exec(l);
    if (pkg) return { category: 'unsupported', detail: l, key: `unsupported: package ${pkg[1]} (reported as "not in GOROOT")` };
    const mem = /undefined \(type (\*?[\w/]+\.\w+) has no field or method (\w+)\)/.exec(l);
    if (mem) return { category: 'unsupported', detail: l, key: `unsupported: ${mem[1]}.${mem[2]} (reported as a type error)` };
    const pre = new RegExp(`undefined: (${predeclared.join('|')})$`).exec(l);
    if (pre) return { category: 'unsupported', detail: l, key: `unsupported: predeclared ${pre[1]} (reported as undefined)` };
  }
  // Errors are listed by position: an unused import or variable is usually the echo of a statement
  // gmpsim could not compile further down, so the cause is the first other error.
  const echo = /imported and not used|declared but not used|declared and not used/;
  const first = msgs.find((l) => !echo.test(l)) ?? msgs[0] ?? text;
  return { category: 'compile error', detail: first, key: keyOf(first) };
}

/** The Go panic/fatal message in stderr (from `panic:`/`fatal error:` on), or ''. */
function panicLine(stderr: string): string {
  for (const l of stderr.split('\n')) {
    const m = /(panic: .*|fatal error: .*)$/.exec(l);
    if (m) return m[1]!;
  }
  return '';
}

/** JS engine errors that surface through gmpsim's panic path (not Go's messages). */
const jsError = /Maximum call stack size exceeded|is not a function|Cannot read properties|is not defined|is not iterable|Invalid array length|out of memory/;

/** gmpsim's run ended with a panic where real Go's did not end so: what kind of gap that is. */
function panicCause(p: string, exit: number, ref: Reference): { category: Category; detail: string; key: string } {
  const detail = `exit ${exit} (want ${ref.exit}): ${p}`;
  // a run-time gap: `gmpsim: X is not supported`, or rt/panics.ts unsupportedAtRun's `unsupported: X is outside what gmpsim can represent`
  const gap = /gmpsim: (.*) is not supported/.exec(p) ?? /unsupported: (.*) is outside what gmpsim can represent/.exec(p);
  if (gap) return { category: 'unsupported', detail, key: `unsupported at run time: ${keyOf(gap[1]!.replace(/^package function \S+/, 'package function'))}` };
  if (jsError.test(p)) {
    const what = /Maximum call stack size exceeded/.test(p) ? 'JS stack overflow (deep recursion; Go grows the stack)' : keyOf(p.replace(/^panic: /, ''));
    return { category: 'runtime crash', detail, key: `runtime crash: ${what}` };
  }
  if (/^panic: runtime error: /.test(p) && ref.exit === 0) return { category: 'runtime panic', detail, key: `spurious ${keyOf(p.replace(/^panic: /, ''))}` };
  if (ref.exit === 0) return { category: 'wrong result', detail, key: "wrong result: the program's own check panicked" };
  return { category: 'exit status', detail, key: `different panic: ${keyOf(p).slice(0, 80)}` };
}

export interface RunLimits {
  /**
   * Wall-clock ms after which a run is stopped (reported as a timeout): only a guard so that a
   * program gmpsim runs hundreds of times slower than Go cannot hold the suite. Default 300 s: the
   * slowest program that ends (gotest/divmod) takes 45 s on a quiet 2-vCPU machine, and its pinned
   * outcome must not depend on how loaded the machine is (at 60 s it came out "timeout" on a loaded
   * machine and "wrong output" on a quiet one).
   */
  wallMs?: number;
}

/** Runs one corpus program on gmpsim under `release` and compares it with real Go's recording. */
export function compareOne(name: string, release: GoRelease, root = corpusRoot, limits: RunLimits = {}): Outcome {
  const t0 = Date.now();
  const ref = reference(name, release, root);
  const src = readFileSync(join(root, `${name}.go`), 'utf8');
  const done = (o: Omit<Outcome, 'name' | 'release' | 'ms'>): Outcome => ({ name, release, ms: Date.now() - t0, ...o });
  let compiled;
  try {
    // the program sees the environment it ran in when recorded (os.Environ, os.Getenv)
    compiled = compileGo([{ name: 'main.go', text: src }], { go: release, env: ref.env ?? {}, ...inputs(name, root) });
  } catch (e) {
    const msg = String((e as Error)?.message ?? e).split('\n')[0]!;
    return done({ pass: false, category: 'compiler crash', detail: msg, key: `compiler crash: ${keyOf(msg)}` });
  }
  if (!compiled.ok) return done({ pass: false, ...compileCause(formatGoErrors(compiled.errors)) });
  const env = ref.env ?? {};
  const wallMs = limits.wallMs ?? 300_000;
  let res;
  try {
    res = run({
      main: compiled.main,
      linksOS: compiled.linksOS,
      linksCgo: compiled.linksCgo,
      go: release,
      ncpu: recordNCPU,
      gomaxprocs: env.GOMAXPROCS ? Number(env.GOMAXPROCS) : recordNCPU,
      // recorded as a GOPATH-mode build: that build's GODEBUG defaults, then the program's own
      godebug: parseGODEBUG([gopathModeGODEBUG(release), env.GODEBUG ?? ''].filter((s) => s !== '').join(',')).flags,
      seed: 1,
      storeLog: false,
      until: simBudget,
      watchdog: { every: 256, check: () => (Date.now() - t0 > wallMs ? `corpus: wall-clock budget of ${wallMs} ms spent` : null) },
    });
  } catch (e) {
    const msg = String((e as Error)?.message ?? e).split('\n')[0]!;
    return done({ pass: false, category: 'runtime crash', detail: msg, key: `runtime crash: ${keyOf(msg)}` });
  }
  if (res.reason === 'budget' || res.exitCode === 124) {
    const why = res.message || `still running after ${simBudget / 1e9} s of simulated time`;
    return done({ pass: false, category: 'timeout', detail: why, key: /wall-clock/.test(why) ? 'timeout: wall-clock budget' : 'timeout: simulated-time budget' });
  }
  if (res.reason === 'hang' && ref.exit === 0) {
    return done({ pass: false, category: 'hang', detail: res.message, key: `hang: ${keyOf(res.message)}` });
  }
  if (res.stdout !== ref.stdout || res.exitCode !== ref.exit) {
    const p = res.exitCode !== ref.exit ? panicLine(res.stderr) : '';
    if (p) return done({ pass: false, ...panicCause(p, res.exitCode, ref) });
    if (res.stdout !== ref.stdout) return done({ pass: false, category: 'wrong output', detail: firstDiff(ref.stdout, res.stdout), key: 'wrong output' });
    const q = panicLine(ref.stderr);
    return done({ pass: false, category: 'exit status', detail: `exit ${res.exitCode} (want ${ref.exit})${q ? `; Go: ${q}` : ''}`, key: q ? `missing panic: ${keyOf(q).slice(0, 80)}` : `exit status ${res.exitCode} instead of ${ref.exit}` });
  }
  const multiP = (env.GOMAXPROCS ?? String(recordNCPU)) !== '1';
  const ids = (t: string): string => (multiP ? t.replace(/goroutine \d+/g, 'goroutine N') : t);
  const want = ids(normStderr(ref.stderr));
  const got = ids(normStderr(res.stderr));
  if (want !== got) {
    const kind = /^(panic|fatal error)/m.test(ref.stderr) ? 'panic/traceback text' : 'print/println text';
    return done({ pass: false, category: 'stderr text', detail: firstDiff(want, got), key: `stderr: ${kind}` });
  }
  return done({ pass: true });
}

export function compareAll(release: GoRelease, root = corpusRoot, limits: RunLimits = {}, only?: (name: string) => boolean): Outcome[] {
  return programs(release, root)
    .filter((n) => !only || only(n))
    .map((n) => compareOne(n, release, root, limits));
}
