/**
 * The conformance comparison: every recorded real-Go reference (conformance/reference/go<release>/<name>.json,
 * written by `record.mjs --go <release>`) against gmpsim running the same program under that release's
 * profile (RunOptions.go, src/runtime/version.ts). Each release with a reference directory is one
 * comparison; its mismatches are pinned in its own section of known-mismatches.json.
 *
 * Program source, per program: the Go frontend (src/golang, `compileGo`, with the variant's environment for
 * os.Getenv) when it compiles the program, else the TypeScript twin conformance/twins/<name>.ts (which
 * mirrors the Go program statement by statement). gmpsim runs with the variant's GOMAXPROCS (default: the
 * recording machine's cores), its GODEBUG (parseGODEBUG), ncpu = the recording machine's cores, and a
 * simulated-time budget equal to the recorder's timeout (a real-Go timeout ↔ a gmpsim budget stop or hang,
 * exit 124), over `seeds` seeds.
 *
 * Checks per variant (each one a row; a mismatch is identified by program/variant/check):
 * - exit: every seed's exit status is one real Go showed (`timeout` for budget/hang);
 * - stdout (MEASURE lines removed): when real Go's was identical across runs, every seed's must equal it;
 *   when it varied and the recorded distinct texts cover every run, every seed's must be one of them;
 *   otherwise not compared (n/a);
 * - stderr-fatal: when real Go's stderr has fatal/panic/runtime texts, the list of those lines and the
 *   goroutine headers (`goroutine N [reason]:`) must be equal (identical runs) or one real Go showed;
 *   stderr: otherwise the whole stderr (SCHED lines removed, e.g. println output or nothing) the same way;
 * - measure:<name>: the median of gmpsim's values (all seeds) inside real Go's [min, max] over all runs —
 *   for timing measures (unit ms/us/ns) the range is at least ±3% of the real median (stated tolerance:
 *   a handful of runs cannot show the spread of a sub-percent timing); a measure gmpsim cannot produce
 *   (os_threads_*: /proc/self/task) is n/a;
 * - sched:peakThreads, sched:lastThreads, sched:line<i> (first 4 periodic SCHED line times): the median
 *   over seeds inside real Go's [min, max] (line times ±1 ms: they are printed in whole ms); sched:lineCount:
 *   the number of periodic SCHED lines of a run, the median over seeds inside real Go's [min, max];
 *   sched:syscallP (scheddetail dumps with a goroutine in a syscall): the most frequent state of that
 *   goroutine's P over all dumps — kept by its M (go1.26), _Psyscall (go1.19) or retaken — is real Go's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { run, parseGODEBUG, type RunResult } from '../src/runtime/runtime.js';
import { gcOptionsFromEnv } from '../src/runtime/mgc.js';
import type { GoFunc } from '../src/workload/ops.js';
import { goReleases, type GoRelease } from '../src/runtime/version.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** The event budget of one conformance run (see compareAll). */
const conformanceMaxEvents = 200_000_000;

/** The repository root (this file is conformance/compare-lib.ts, or dist/conformance/compare-lib.js). */
export const ROOT = fs.existsSync(path.join(HERE, '..', 'package.json')) ? path.join(HERE, '..') : path.join(HERE, '..', '..');
/** conformance/reference/go<release>/: what `record.mjs --go <release>` wrote. */
export const refDir = (release: GoRelease): string => path.join(ROOT, 'conformance', 'reference', `go${release}`);
/** The releases whose toolchain recorded references (a directory conformance/reference/go<release>/ with files). */
export function recordedReleases(): GoRelease[] {
  return goReleases.filter((r) => fs.existsSync(refDir(r)) && fs.readdirSync(refDir(r)).some((f) => f.endsWith('.json')));
}
export const PROGRAM_DIR = path.join(ROOT, 'conformance', 'programs');
export const KNOWN_FILE = path.join(ROOT, 'conformance', 'known-mismatches.json');
export const DOC_FILE = path.join(ROOT, 'docs', 'fidelity.md');
/**
 * References that are not conformance programs: measurements the cost defaults are taken from (their
 * own tests compare them: test/golang/cost.test.ts for cpu_costs, cpu_chain_costs and lib_costs).
 */
export const SKIP = new Set(['costs', 'calibrate', 'io_costs', 'fs_costs', 'cpu_costs', 'cpu_chain_costs', 'lib_costs', 'vcpu_wake', 'wake_costs', 'busy_wake', 'ipi_costs', 'sweep_costs', 'netpoll_init']);
/** Seeds per variant (the doc and the test use this number). */
export const DEFAULT_SEEDS = 3;

// ---------------------------------------------------------------- reference format (record.mjs)
export interface Stats { n: number; min: number; median: number; max: number }
export interface TextSummary { identical: boolean; text: string; distinctCount: number; distinct?: { count: number; text: string }[] }
export interface RefVariant {
  id: string;
  env: Record<string, string>;
  runs: number;
  timeoutMs: number;
  expect: string | null;
  exit: Record<string, number>;
  wallMs: Stats;
  stdout: TextSummary;
  stderr: TextSummary;
  measures: Record<string, Stats & { unit: string | null }>;
  sched: null | { peakThreads: Stats; firstThreads: Stats; lastThreads: Stats; lineTimesMs: (Stats | null)[]; perRun?: DetailDump[][] };
  /** Share of all CPUs other processes used while the variant was recorded (record.mjs). */
  foreignCpu?: number | null;
  /** `cpuquota=Q` variants: the CPU limit of the cgroup the runs were in, and how it was set. */
  cpuQuota?: number;
  cgroup?: string;
}
export interface RefFile {
  program: string;
  description: string;
  build: { cgo: boolean; goMod?: string };
  env: { goVersion: string; kernel: string; os: string; cpuModel: string; cores: number; date: string };
  variants: RefVariant[];
}

export function loadRefs(release: GoRelease, only: string[] = []): RefFile[] {
  const out: RefFile[] = [];
  const dir = refDir(release);
  if (!fs.existsSync(dir)) return out;
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const name = f.slice(0, -5);
    if (SKIP.has(name)) continue;
    if (only.length && !only.includes(name)) continue;
    out.push(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as RefFile);
  }
  return out;
}

// ---------------------------------------------------------------- program sources
export interface Prepared {
  main: GoFunc;
  linksOS: boolean;
  linksCgo: boolean;
}
export interface Source {
  kind: 'go' | 'twin';
  /** Why the twin is used (the frontend's first error), or ''. */
  why: string;
  /** The program for one variant, compiled (or built) under `release`'s profile. */
  prepare(env: Record<string, string>, release: GoRelease): Prepared;
}
type CompileGo = (files: { name: string; text: string }[], opts?: { env?: Record<string, string>; go?: GoRelease }) =>
  | { ok: true; main: GoFunc; linksOS: boolean; linksCgo?: boolean }
  | { ok: false; errors: { line: number; col: number; msg: string }[] };

let frontend: CompileGo | null | undefined;
async function loadFrontend(): Promise<CompileGo | null> {
  if (frontend !== undefined) return frontend;
  frontend = null;
  // Next to this module: dist/src/golang/index.js when built, src/golang/index.ts under vitest.
  for (const rel of ['../src/golang/index.js', '../src/golang/index.ts']) {
    const p = path.join(HERE, rel);
    if (!fs.existsSync(p)) continue;
    try {
      const mod = (await import(rel.endsWith('.ts') ? '../src/golang/index.js' : pathToFileURL(p).href)) as { compileGo?: CompileGo };
      if (typeof mod.compileGo === 'function') frontend = mod.compileGo;
    } catch {
      frontend = null;
    }
    break;
  }
  return frontend;
}

type TwinModule = { program(env: Record<string, string>): { main: GoFunc; linksOS?: boolean; linksCgo?: boolean } };
async function loadTwin(name: string): Promise<TwinModule | null> {
  const js = path.join(HERE, 'twins', `${name}.js`);
  const ts = path.join(HERE, 'twins', `${name}.ts`);
  if (!fs.existsSync(js) && !fs.existsSync(ts)) return null;
  // Built: dist/conformance/twins/<name>.js; under vitest: the .ts source (vite transforms it).
  return (await import(/* @vite-ignore */ pathToFileURL(fs.existsSync(js) ? js : ts).href)) as TwinModule;
}

export type SourceMode = 'auto' | 'go' | 'twin';

/**
 * Programs whose twin is used even when the frontend compiles them (mode auto; `--source go` overrides):
 * their real-Go runs spend seconds in tight CPU loops, which the frontend interprets statement by statement
 * (≈3–12 s of wall time per seed and variant), too slow for `npm test`. The twin expresses each loop as Work.
 */
export const TWIN_PREFERRED: Record<string, string> = {
  pingpong_slice: '1.5 s of channel ping-pong next to a spinning goroutine: ≈12 s of interpretation per seed through the frontend',
  schedtrace_cadence: '3.5 s of a spinning goroutine (BUSY=1): ≈11 s of interpretation per seed through the frontend',
  retake_latency: 'up to 250 ms of `for time.Now().Before(end) {}` per run: ≈4 s of interpretation per seed through the frontend',
  handoff_latency: 'the spin variants run 250 ms of `for time.Now().Before(end) {}` per run: seconds of interpretation per seed through the frontend',
  preempt_slices: '1.5 s of a clock-reading loop next to a spinning goroutine, too slow to interpret per seed',
  preempt_sleep: '≈100 ms of `for { x++ }` on a uint64 per run: ≈350M iterations at go1.19\'s speed (cost.ts), ≈16 s of interpretation per seed',
  file_worker_pool: 'generates and checksums ≈51 MB byte by byte, far too slow to interpret',
  net_echo_disk: 'generates and checksums ≈2 MB byte by byte per run, slow to interpret',
  cpu_cgo_spin: 'its C loop is C code, which the frontend does not run (a C call costs it nothing); the twin states the loop as a CPU-bound cgo call',
  cpu_oversubscribed: 'runs a 60e6-step loop 3–9 times per run (≈0.3–0.9 s of CPU on go1.19), far too slow to interpret',
};
export async function sourceFor(name: string, mode: SourceMode): Promise<Source> {
  const text = fs.readFileSync(path.join(PROGRAM_DIR, `${name}.go`), 'utf8');
  const cgo = /^\s*import\s+"C"/m.test(text);
  let why = 'the Go frontend is not built';
  if (mode === 'twin') why = '--source twin';
  else if (mode === 'auto' && TWIN_PREFERRED[name]) why = `speed: ${TWIN_PREFERRED[name]}`;
  else {
    const compileGo = await loadFrontend();
    if (compileGo) {
      let r: ReturnType<CompileGo>;
      try {
        r = compileGo([{ name: `${name}.go`, text }], { env: {} });
      } catch (e) {
        r = { ok: false, errors: [{ line: 0, col: 0, msg: `frontend crashed: ${(e as Error).message.split('\n')[0]}` }] };
      }
      if (r.ok) {
        return {
          kind: 'go',
          why: '',
          prepare(env, release) {
            // the release's language and CPU costs (src/golang/cost.ts releaseGoCpuCosts), as the CLI's --go
            const c = compileGo([{ name: `${name}.go`, text }], { env, go: release });
            if (!c.ok) throw new Error(`${name}: the frontend compiled it without env but not with ${JSON.stringify(env)}`);
            return { main: c.main, linksOS: c.linksOS, linksCgo: c.linksCgo ?? cgo };
          },
        };
      }
      const e = r.errors[0]!;
      why = `frontend: ${e.line ? `${name}.go:${e.line}: ` : ''}${e.msg}`;
    }
    if (mode === 'go') throw new Error(`${name}: ${why}`);
  }
  const twin = await loadTwin(name);
  if (!twin) throw new Error(`${name}: no twin conformance/twins/${name}.ts and ${why}`);
  return {
    kind: 'twin',
    why,
    prepare(env) {
      const p = twin.program(env);
      return { main: p.main, linksOS: p.linksOS ?? true, linksCgo: p.linksCgo ?? false };
    },
  };
}

// ---------------------------------------------------------------- output parsing (as record.mjs)
const MEASURE_RE = /^MEASURE\s+([A-Za-z0-9_.:\-/]+)=(-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)(?:\s+(\S+))?\s*$/;
export function parseMeasures(stdout: string): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const line of stdout.split('\n')) {
    const m = MEASURE_RE.exec(line.trim());
    if (m) (out[m[1]!] ??= []).push(parseFloat(m[2]!));
  }
  return out;
}
export const stripMeasureLines = (s: string): string => s.split('\n').filter((l) => !MEASURE_RE.test(l.trim())).join('\n');
/** GODEBUG=gctrace=1 output: the per-cycle lines and forcegc's `GC forced` (runtime/mgc.ts gctraceLine). */
const GCTRACE_RE = /^(gc \d+ @[\d.]+s \d+%: .* P( \(forced\))?|GC forced)$/;
export const stripGctraceLines = (s: string): string => s.split('\n').filter((l) => !GCTRACE_RE.test(l)).join('\n');
/** One gctrace line's fields (go1.19 / go1.26 mgc.go gcMarkTermination's print). */
export interface GctraceLine { n: number; pct: number; clock: number[]; heap0: number; heap1: number; heap2: number; goal: number; procs: number; forced: boolean }
export function parseGctrace(stderr: string): GctraceLine[] {
  const out: GctraceLine[] = [];
  for (const l of stderr.split('\n')) {
    const m = /^gc (\d+) @[\d.]+s (\d+)%: ([\d.]+)\+([\d.]+)\+([\d.]+) ms clock, .* ms cpu, (\d+)->(\d+)->(\d+) MB, (\d+) MB goal, .* (\d+) P( \(forced\))?$/.exec(l);
    if (!m) continue;
    out.push({ n: +m[1]!, pct: +m[2]!, clock: [+m[3]!, +m[4]!, +m[5]!], heap0: +m[6]!, heap1: +m[7]!, heap2: +m[8]!, goal: +m[9]!, procs: +m[10]!, forced: m[11] !== undefined });
  }
  return out;
}
export const stripSchedLines = (s: string): string =>
  s.split('\n').filter((l) => !/^SCHED \d+ms: /.test(l) && !/^ {2}[PMG]\d+: /.test(l)).join('\n');
/** record.mjs's normalisation (addresses, durations in goroutine headers). */
export function normaliseText(s: string): string {
  return s.replace(/\b0x[0-9a-fA-F]+\b/g, '0x?').replace(/(goroutine \d+ \[[^\]]*?), \d+ minutes\]/g, '$1]');
}
export interface SchedLine { t: number; threads: number; afterFatal: boolean }
export function parseSched(stderr: string): SchedLine[] {
  const out: SchedLine[] = [];
  let fatal = false;
  for (const line of stderr.split('\n')) {
    if (/^fatal error: /.test(line)) fatal = true;
    const m = /^SCHED (\d+)ms: .*?\bthreads=(\d+)/.exec(line);
    if (m) out.push({ t: Number(m[1]), threads: Number(m[2]), afterFatal: fatal });
  }
  return out;
}
/** One scheddetail dump: its P, M and G lines (record.mjs stores the same shape in sched.perRun). */
export interface DetailDump {
  t: number;
  afterFatal?: boolean;
  P?: Record<string, number | string>[];
  M?: Record<string, number | string>[];
  G?: Record<string, number | string>[];
}
const kv = (s: string): Record<string, number | string> => {
  const f: Record<string, number | string> = {};
  for (const m of s.matchAll(/([A-Za-z]+)=(\S*)/g)) {
    const n = Number(m[2]);
    f[m[1]!] = m[2] !== '' && Number.isFinite(n) ? n : m[2]!;
  }
  return f;
};
/** The scheddetail dumps of a stderr (as record.mjs's parseSched). */
export function parseDetail(stderr: string): DetailDump[] {
  const out: DetailDump[] = [];
  let cur: DetailDump | null = null;
  let fatal = false;
  for (const line of stderr.split('\n')) {
    if (/^fatal error: /.test(line)) fatal = true;
    let m = /^SCHED (\d+)ms: /.exec(line);
    if (m) {
      cur = { t: Number(m[1]), ...(fatal ? { afterFatal: true } : {}) };
      out.push(cur);
      continue;
    }
    m = /^ {2}([PMG])(\d+): (.*)$/.exec(line);
    if (cur && m) {
      let rest = m[3]!;
      const rec: Record<string, number | string> = { id: Number(m[2]) };
      if (m[1] === 'G') {
        const st = /^status=(\d+)\((.*)\)(?=\s+m=)\s*/.exec(rest);
        if (st) {
          rec.status = Number(st[1]);
          rec.waitreason = st[2]!;
          rest = rest.slice(st[0].length);
        }
      }
      Object.assign(rec, kv(rest));
      ((cur as unknown as Record<string, unknown[]>)[m[1]!] ??= []).push(rec);
    } else if (!/^\s/.test(line)) cur = null;
  }
  return out;
}
/** A P/M/G reference field: an id, or -1 for none (go1.19 prints -1, go1.21+ prints nil). */
const idOf = (x: number | string | undefined): number => (typeof x === 'number' ? x : -1);
/** _Gsyscall (runtime2.go, unchanged from go1.19 to go1.26) and _Psyscall (go1.19; unused since go1.26). */
const G_SYSCALL = 3;
const P_SYSCALL = 2;
/**
 * What a dump shows about the P of each goroutine in a syscall (G status=3): wired to the syscall's M
 * (go1.26 keeps it _Prunning with m=<M>), unwired in _Psyscall (go1.19: status=2, m=-1), or gone to
 * someone else (retaken and handed off or idle). One state per syscalling G per periodic dump.
 */
export function syscallPStates(dumps: DetailDump[]): string[] {
  const out: string[] = [];
  for (const d of dumps) {
    if (d.afterFatal || !d.P || !d.M || !d.G) continue;
    for (const g of d.G) {
      if (g.status !== G_SYSCALL) continue;
      const m = d.M.find((x) => idOf(x.curg) === g.id) ?? d.M.find((x) => x.id === idOf(g.m));
      const pid = m ? idOf(m.p) : -1;
      const p = pid >= 0 ? d.P.find((x) => x.id === pid) : undefined;
      if (p) out.push(`kept by its M (P status=${p.status})`);
      else if (d.P.some((x) => x.status === P_SYSCALL)) out.push('_Psyscall (status=2, m=-1)');
      else out.push('not held (retaken)');
    }
  }
  return out;
}

/** The most frequent of some states, and all of them with their shares ("a 90 %, b 10 %"). */
function tally(xs: string[]): { top: string; shown: string } {
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return {
    top: sorted[0]?.[0] ?? '',
    shown: sorted.map(([k, n]) => `${k} ${Math.round((100 * n) / xs.length)} %`).join(', '),
  };
}

/** Measures gmpsim cannot produce: OS threads from /proc/self/task (gmpsim counts Ms, not OS threads). */
export const NOT_MODELLED_MEASURE = /^os_threads_/;
const FATAL_RE = /^(fatal error: |panic: |runtime: |goroutine \d+ \[)/;
export const fatalLines = (s: string): string => s.split('\n').filter((l) => FATAL_RE.test(l)).join('\n');

// ---------------------------------------------------------------- comparison
export type Verdict = 'pass' | 'FAIL' | 'n/a';
export interface Check {
  program: string;
  variant: string;
  behaviour: string;
  check: string;
  real: string;
  sim: string;
  verdict: Verdict;
}
export interface ProgramInfo { name: string; source: 'go' | 'twin'; why: string; behaviour: string }
export interface Comparison {
  /** The release whose references and profile were compared. */
  release: GoRelease;
  checks: Check[];
  programs: ProgramInfo[];
  env: RefFile['env'] | null;
  seeds: number;
  /** Variants compared, and those recorded while other processes used > 15 % of the CPUs (NOISY). */
  variants: number;
  noisyVariants: number;
}
export const checkId = (c: { program: string; variant: string; check: string }): string => `${c.program} · ${c.variant} · ${c.check}`;

const median = (xs: number[]): number => {
  const v = xs.slice().sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const i = (v.length - 1) / 2;
  return (v[Math.floor(i)]! + v[Math.ceil(i)]!) / 2;
};
const num = (x: number): string => (Number.isInteger(x) ? String(x) : String(Math.round(x * 1000) / 1000));
const range = (s: { median: number; min: number; max: number }): string =>
  s.min === s.max ? num(s.median) : `${num(s.median)} [${num(s.min)}–${num(s.max)}]`;
const short = (s: string, n = 60): string => {
  const one = s.replace(/\n/g, '⏎');
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
};

export function behaviourOf(ref: RefFile): string {
  const m = /Behaviour:\s*([^\n]*)/.exec(ref.description);
  return (m ? m[1]! : ref.description.split('\n')[0] ?? '').trim();
}

export interface CompareOptions {
  /** Which release: its references (conformance/reference/go<release>/) and its profile. Default '1.19'. */
  release?: GoRelease;
  seeds?: number;
  only?: string[];
  source?: SourceMode;
  /** Progress callback (one call per variant). */
  progress?: (msg: string) => void;
}

function simExit(r: RunResult): string {
  return r.reason === 'budget' || r.reason === 'hang' ? 'timeout' : String(r.exitCode);
}

/** Compare the texts of every seed with real Go's summary. */
function textCheck(real: TextSummary, runs: number, sims: string[], transform: (s: string) => string): { verdict: Verdict; real: string; sim: string } {
  const distinctSims = [...new Set(sims)];
  const simShown = distinctSims.length === 1 ? short(distinctSims[0]!) : `${distinctSims.length} different texts over the seeds`;
  if (real.identical) {
    const want = transform(real.text);
    return { verdict: sims.every((s) => s === want) ? 'pass' : 'FAIL', real: short(want), sim: simShown };
  }
  const dist = real.distinct ?? [];
  const covered = dist.reduce((a, d) => a + d.count, 0) === runs;
  if (!covered) return { verdict: 'n/a', real: `varies (${real.distinctCount} texts in ${runs} runs)`, sim: simShown };
  const wants = new Set(dist.map((d) => transform(d.text)));
  return {
    verdict: sims.every((s) => wants.has(s)) ? 'pass' : 'FAIL',
    real: `one of ${real.distinctCount}: ${short(transform(dist[0]!.text), 40)}`,
    sim: simShown,
  };
}

/**
 * The gctrace checks of a variant run with GODEBUG=gctrace=1: per run, the number of cycles, the
 * median of each heap field (MB) and of the two pauses (ms clock), the `N P` and `(forced)` counts;
 * gmpsim's median over its seeds must lie within real Go's spread over its runs (±3 % for times).
 */
function gctraceChecks(v: RefVariant, results: RunResult[], add: (check: string, real: string, sim: string, verdict: Verdict) => void): void {
  const texts: string[] = v.stderr.identical ? Array.from({ length: v.runs }, () => v.stderr.text) : (v.stderr.distinct ?? []).flatMap((d) => Array.from({ length: d.count }, () => d.text));
  if (texts.length < v.runs) {
    add('gctrace', `varies (${v.stderr.distinctCount} texts in ${v.runs} runs)`, 'not compared', 'n/a');
    return;
  }
  const real = texts.map(parseGctrace);
  const sim = results.map((r) => parseGctrace(r.stderr));
  const fields: [string, (ls: GctraceLine[]) => number, boolean][] = [
    ['cycles', (ls) => ls.length, false],
    ['forced', (ls) => ls.filter((l) => l.forced).length, false],
    ['procs', (ls) => (ls.length ? median(ls.map((l) => l.procs)) : 0), false],
    ['heap0MB', (ls) => (ls.length ? median(ls.map((l) => l.heap0)) : 0), false],
    ['heap1MB', (ls) => (ls.length ? median(ls.map((l) => l.heap1)) : 0), false],
    ['heap2MB', (ls) => (ls.length ? median(ls.map((l) => l.heap2)) : 0), false],
    ['goalMB', (ls) => (ls.length ? median(ls.map((l) => l.goal)) : 0), false],
    ['cpuPct', (ls) => (ls.length ? ls[ls.length - 1]!.pct : 0), false],
    ['sweepTermMs', (ls) => (ls.length ? median(ls.map((l) => l.clock[0]!)) : 0), true],
    ['markMs', (ls) => (ls.length ? median(ls.map((l) => l.clock[1]!)) : 0), true],
    ['markTermMs', (ls) => (ls.length ? median(ls.map((l) => l.clock[2]!)) : 0), true],
  ];
  for (const [name, f, timed] of fields) {
    const rv = real.map(f);
    const sv = sim.map(f);
    let lo = Math.min(...rv);
    let hi = Math.max(...rv);
    const mid = median(rv);
    let tol = '';
    if (timed) {
      const t = Math.abs(mid) * 0.03;
      if (mid - lo < t || hi - mid < t) tol = ' (±3%)';
      lo = Math.min(lo, mid - t);
      hi = Math.max(hi, mid + t);
    }
    const sm = median(sv);
    const spread = sv.length > 1 ? ` [${num(Math.min(...sv))}–${num(Math.max(...sv))}]` : '';
    add(`gctrace:${name}`, range({ median: mid, min: Math.min(...rv), max: Math.max(...rv) }) + tol, `${num(sm)}${spread}`, sm >= lo && sm <= hi ? 'pass' : 'FAIL');
  }
}

export async function compareAll(opts: CompareOptions = {}): Promise<Comparison> {
  const seeds = opts.seeds ?? DEFAULT_SEEDS;
  const release = opts.release ?? '1.19';
  const refs = loadRefs(release, opts.only ?? []);
  const checks: Check[] = [];
  const programs: ProgramInfo[] = [];
  for (const ref of refs) {
    const name = ref.program;
    const behaviour = behaviourOf(ref);
    const src = await sourceFor(name, opts.source ?? 'auto');
    programs.push({ name, source: src.kind, why: src.why, behaviour });
    for (const v of ref.variants) {
      const add = (check: string, real: string, sim: string, verdict: Verdict): void => {
        checks.push({ program: name, variant: v.id, behaviour, check, real, sim, verdict });
      };
      const t0 = Date.now();
      const { flags } = parseGODEBUG(v.env.GODEBUG ?? '');
      const cores = ref.env.cores || 2;
      const gomaxprocs = v.env.GOMAXPROCS ? Number(v.env.GOMAXPROCS) : cores;
      const results: RunResult[] = [];
      for (let seed = 1; seed <= seeds; seed++) {
        const prog = src.prepare(v.env, release);
        results.push(
          run({
            main: prog.main,
            linksOS: prog.linksOS,
            linksCgo: prog.linksCgo,
            gomaxprocs,
            ncpu: cores,
            go: release,
            seed,
            godebug: flags,
            gc: gcOptionsFromEnv(v.env),
            until: v.timeoutMs * 1e6,
            // The simulated-time budget is the recorder's timeout; the event budget must not stop a
            // run real Go finishes: pingpong_slice's 1.5 s of 350 ns round trips is ≈55M events,
            // past the CLI's default of 50M (runtime.ts defaultMaxEvents).
            maxEvents: conformanceMaxEvents,
            storeLog: false,
            file: `conformance/${name}.go`,
          }),
        );
      }
      opts.progress?.(`go${release} ${name} · ${v.id}: ${seeds} seeds in ${Date.now() - t0} ms`);

      if (v.cpuQuota !== undefined) {
        // gmpsim has no simulated CPU quota yet (RunOptions), so the variant runs without one: say so.
        add('cpuquota', `${v.cpuQuota} CPUs (${v.cgroup ?? 'cgroup'})`, 'not modelled: run without a quota', 'n/a');
      }

      // exit status
      const realExits = Object.keys(v.exit);
      const exits = results.map(simExit);
      add('exit', Object.entries(v.exit).map(([k, n]) => `${k}×${n}`).join(' '), [...new Set(exits)].join(' '),
        exits.every((e) => realExits.includes(e)) ? 'pass' : 'FAIL');

      // stdout
      const outs = results.map((r) => normaliseText(stripMeasureLines(r.stdout)));
      const so = textCheck(v.stdout, v.runs, outs, (s) => s);
      add('stdout', so.real, so.sim, so.verdict);

      // gctrace: the cycles and their fields, compared per run (the lines' times differ from run to run)
      const gctrace = /(^|,)gctrace=[1-9]/.test(v.env.GODEBUG ?? '');
      if (gctrace) gctraceChecks(v, results, add);

      // stderr
      const realHasFatal = fatalLines(v.stderr.text) !== '' || (v.stderr.distinct ?? []).some((d) => fatalLines(d.text) !== '');
      const strip = gctrace ? stripGctraceLines : (s: string): string => s;
      const errs = results.map((r) => strip(normaliseText(stripSchedLines(r.stderr))));
      if (realHasFatal) {
        const se = textCheck(v.stderr, v.runs, errs.map(fatalLines), fatalLines);
        add('stderr-fatal', se.real, se.sim, se.verdict);
      } else {
        const se = textCheck(v.stderr, v.runs, errs, strip);
        add('stderr', se.real === '' ? '(empty)' : se.real, se.sim === '' ? '(empty)' : se.sim, se.verdict);
      }

      // measures
      const simMeasures = results.map((r) => parseMeasures(r.stdout));
      for (const [mname, st] of Object.entries(v.measures)) {
        const vals = simMeasures.flatMap((m) => m[mname] ?? []);
        const unit = st.unit ? ` ${st.unit}` : '';
        if (NOT_MODELLED_MEASURE.test(mname)) {
          // The Go frontend prints a value (its virtual /proc has no task entries), the twins print none.
          add(`measure:${mname}`, range(st) + unit, 'not modelled', 'n/a');
          continue;
        }
        if (vals.length === 0) {
          add(`measure:${mname}`, range(st) + unit, 'missing', 'FAIL');
          continue;
        }
        const med = median(vals);
        let lo = st.min;
        let hi = st.max;
        let tol = '';
        if (st.unit === 'ms' || st.unit === 'us' || st.unit === 'ns') {
          const t = Math.abs(st.median) * 0.03;
          if (st.median - lo < t || hi - st.median < t) tol = ' (±3%)';
          lo = Math.min(lo, st.median - t);
          hi = Math.max(hi, st.median + t);
        }
        const spread = vals.length > 1 ? ` [${num(Math.min(...vals))}–${num(Math.max(...vals))}]` : '';
        add(`measure:${mname}`, range(st) + unit + tol, `${num(med)}${spread}`, med >= lo && med <= hi ? 'pass' : 'FAIL');
      }

      // schedtrace
      if (v.sched) {
        const scheds = results.map((r) => parseSched(r.stderr));
        const withLines = scheds.filter((s) => s.length > 0);
        if (withLines.length === 0) {
          add('sched:lines', `${v.sched.lineTimesMs.length} lines`, 'no SCHED lines', 'FAIL');
        } else {
          const inRange = (x: number, s: Stats, slack = 0): boolean => x >= s.min - slack && x <= s.max + slack;
          const peak = median(withLines.map((s) => Math.max(...s.map((l) => l.threads))));
          add('sched:peakThreads', range(v.sched.peakThreads), num(peak), inRange(peak, v.sched.peakThreads) ? 'pass' : 'FAIL');
          const last = median(withLines.map((s) => s[s.length - 1]!.threads));
          add('sched:lastThreads', range(v.sched.lastThreads), num(last), inRange(last, v.sched.lastThreads) ? 'pass' : 'FAIL');
          const periodic = withLines.map((s) => s.filter((l) => !l.afterFatal));
          if (v.sched.perRun && v.sched.perRun.length > 0) {
            // How many periodic lines the whole run printed: a run that ends early or a tick that drifts
            // differently shows here before it shows in any single line's time.
            const counts = v.sched.perRun.map((run) => run.filter((l) => !l.afterFatal).length);
            const lo = Math.min(...counts);
            const hi = Math.max(...counts);
            const n = median(periodic.map((s) => s.length));
            add('sched:lineCount', lo === hi ? String(lo) : `${lo}–${hi}`, num(n), n >= lo && n <= hi ? 'pass' : 'FAIL');
          }
          // scheddetail: where the P of a goroutine in a syscall is, in most dumps (a dump taken inside
          // entersyscall/exitsyscall can catch a transient state, so the most frequent one is compared).
          const realStates = (v.sched.perRun ?? []).flatMap((run) => syscallPStates(run));
          if (realStates.length > 0) {
            const simStates = results.flatMap((r) => syscallPStates(parseDetail(r.stderr)));
            const rs = tally(realStates);
            const ss = tally(simStates);
            add('sched:syscallP', rs.shown, ss.shown || 'no dump with a G in a syscall', ss.top !== '' && ss.top === rs.top ? 'pass' : 'FAIL');
          }
          for (let i = 0; i < Math.min(4, v.sched.lineTimesMs.length); i++) {
            const st = v.sched.lineTimesMs[i];
            if (!st) continue;
            const ts = periodic.map((s) => s[i]?.t).filter((x): x is number => x !== undefined);
            if (ts.length === 0) {
              add(`sched:line${i}`, `${range(st)} ms`, 'no such line', 'FAIL');
              continue;
            }
            const med = median(ts);
            add(`sched:line${i}`, `${range(st)} ms (±1)`, num(med), inRange(med, st, 1) ? 'pass' : 'FAIL');
          }
        }
      }
    }
  }
  const all = refs.flatMap((r) => r.variants);
  return { release, checks, programs, env: refs[0]?.env ?? null, seeds, variants: all.length, noisyVariants: all.filter((v) => (v.foreignCpu ?? 0) > 0.15).length };
}

// ---------------------------------------------------------------- known mismatches
export interface KnownMismatch { program: string; variant: string; check: string; cause: string }
/** known-mismatches.json: one section per release, `"go1.26": [ {program, variant, check, cause} … ]`. */
export type KnownFile = { comment?: string } & Partial<Record<`go${GoRelease}`, KnownMismatch[]>>;
export function loadKnownFile(): KnownFile {
  if (!fs.existsSync(KNOWN_FILE)) return {};
  return JSON.parse(fs.readFileSync(KNOWN_FILE, 'utf8')) as KnownFile;
}
export function loadKnown(release: GoRelease): KnownMismatch[] {
  return loadKnownFile()[`go${release}`] ?? [];
}
