#!/usr/bin/env node
// Records ground-truth behaviour of the real Go runtime for the gmpsim conformance suite.
//
//   node conformance/record.mjs [name ...] [options]
//
// Builds every program in conformance/programs (or only the named ones) once with `go build`, runs each
// variant declared in the program's header several times with a per-run timeout, and writes
// conformance/reference/go<release>/<name>.json (see conformance/README.md for the format).
//
//   node conformance/record.mjs --go 1.26 [name ...]    record on go1.26.8 into reference/go1.26/
//   node conformance/record.mjs --go 1.19 [name ...]    record on go1.19.8 into reference/go1.19/
//
// Options:
//   --runs N          override the run count of every variant
//   --runs-scale F    multiply every declared run count by F (rounded, at least 1)
//   --variant ID      record only the variants with this id (repeatable)
//   --go RELEASE|PATH which toolchain (required to record): a release (1.19, 1.26) is resolved to the exact
//                     toolchain its gmpsim profile names (src/runtime/version.ts `toolchain`, checked with
//                     `<bin> version`; conformance/toolchain.mjs); a path to a go binary is accepted when its
//                     version is one of those toolchains. Never `go` from the PATH by luck.
//   --out DIR         output directory (default conformance/reference/go<release>)
//   --list            list programs and their variants, run nothing
//   --summary         print a markdown summary of the existing reference files, run nothing
//   --redo-noisy F    re-record only the variants whose reference has foreignCpu > F (or none recorded),
//                     keeping the others as they are
//   --idle-wait SEC   before each program wait up to SEC seconds (default 180) for the machine to be quiet
//                     (other processes using < 25% of all CPUs over 0.5 s); 0 disables. The CPU use seen
//                     before and after each program is stored in the reference file (host block).
//   --batches K       record each program's variants K times over, in K passes separated by --batch-gap
//                     seconds (default 30), and pool the runs: this VM's speed drifts between states that last
//                     seconds to minutes (wip/pipe-block-go126.md: a retake cycle ≈203 or ≈235 µs), so one
//                     batch's spread can miss the other state; the reference keeps `batches`
//   --dry-run         parse and build, run nothing
//   --quiet           less progress output
//
// Header convention (lines at the top of each program, before `package main`):
//   // conformance: variant=ID [runs=N] [timeout=5s] [expect=0|2|timeout|nonzero] [ENV=VALUE ...]
//       one line per variant; keys in UPPER case are environment variables for the run, e.g.
//       GOMAXPROCS=1 GODEBUG=schedtrace=100,scheddetail=1 (the value is everything after the first '=').
//       `godebug=` is accepted as a lower-case alias for GODEBUG.
//       cpuquota=Q runs the variant in a fresh cgroup limited to Q CPUs (v1 cpu.cfs_quota_us, or v2 cpu.max),
//       which the child joins before it execs the program; the variant fails when no cgroup can be made.
//   // conformance-build: cgo=1            build with CGO_ENABLED=1 (default 0)
//   // conformance-output: costs.json      also write reference/costs.json from the MEASURE lines
// Measurement convention (stdout, one per line):
//   MEASURE <name>=<number> [<unit>]
//   A name may repeat within a run; every value is kept.
//
// Dependencies: none (Node >= 18). Never hangs: every child runs in its own process group that is
// SIGKILLed at the timeout, builds have a timeout too.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveGoOrExit, releaseOf } from './toolchain.mjs';
import { MEASURE_RE, killAll, parseMeasures, cpuSnap, foreignCpu, waitQuiet, cpuBusy, killGroup, runOnce, buildProgram, environmentInfo } from './record-lib.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PROGRAMS = path.join(HERE, 'programs');
const MAX_TEXT_IN_JSON = 20000; // chars kept per distinct text in the reference file

// ---------------------------------------------------------------- CLI
function parseArgs(argv) {
  const o = { names: [], runs: null, runsScale: 1, variants: [], out: null, go: null,
    list: false, summary: false, dryRun: false, quiet: false, idleWait: 180, redoNoisy: null, batches: 1, batchGap: 30 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => { if (i + 1 >= argv.length) throw new Error(`${a} needs a value`); return argv[++i]; };
    if (a === '--runs') o.runs = Math.max(1, parseInt(next(), 10));
    else if (a === '--runs-scale') o.runsScale = parseFloat(next());
    else if (a === '--variant') o.variants.push(next());
    else if (a === '--out') o.out = path.resolve(next());
    else if (a === '--go') o.go = next();
    else if (a === '--list') o.list = true;
    else if (a === '--summary') o.summary = true;
    else if (a === '--idle-wait') o.idleWait = parseFloat(next());
    else if (a === '--redo-noisy') o.redoNoisy = parseFloat(next());
    else if (a === '--batches') o.batches = Math.max(1, parseInt(next(), 10));
    else if (a === '--batch-gap') o.batchGap = Math.max(0, parseFloat(next()));
    else if (a === '--dry-run') o.dryRun = true;
    else if (a === '--quiet') o.quiet = true;
    else if (a === '-h' || a === '--help') {
      const src = fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
      console.log(src.slice(1, src.findIndex((l) => l.startsWith('import'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
      process.exit(0);
    } else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else o.names.push(a.replace(/\.go$/, ''));
  }
  return o;
}

// ---------------------------------------------------------------- helpers
function parseDuration(s) {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(String(s).trim());
  if (!m) throw new Error(`bad duration ${s}`);
  const v = parseFloat(m[1]);
  return m[2] === 'ms' ? v : m[2] === 'm' ? v * 60000 : v * 1000; // bare number = seconds
}

function stats(values) {
  const v = values.filter((x) => Number.isFinite(x)).slice().sort((a, b) => a - b);
  if (v.length === 0) return null;
  const q = (p) => {
    const idx = (v.length - 1) * p, lo = Math.floor(idx), hi = Math.ceil(idx);
    return v[lo] + (v[hi] - v[lo]) * (idx - lo);
  };
  const round = (x) => Math.round(x * 1e4) / 1e4;
  return { n: v.length, min: round(v[0]), p10: round(q(0.1)), median: round(q(0.5)), p90: round(q(0.9)),
    max: round(v[v.length - 1]), mean: round(v.reduce((a, b) => a + b, 0) / v.length) };
}

function parseHeader(file) {
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const desc = [];
  const variants = [];
  const build = { cgo: false };
  const outputs = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') { if (desc.length) desc.push(''); continue; }
    if (!line.startsWith('//')) break;
    const body = line.replace(/^\/\/ ?/, '');
    let m;
    if ((m = /^conformance:\s*(.*)$/.exec(body))) {
      const v = { id: null, runs: 5, timeoutMs: 10000, expect: null, env: {}, cpuQuota: null };
      for (const tok of m[1].split(/\s+/).filter(Boolean)) {
        const eq = tok.indexOf('=');
        if (eq < 0) throw new Error(`${file}: bad token ${tok}`);
        const k = tok.slice(0, eq), val = tok.slice(eq + 1);
        if (k === 'variant') v.id = val;
        else if (k === 'runs') v.runs = parseInt(val, 10);
        else if (k === 'timeout') v.timeoutMs = parseDuration(val);
        else if (k === 'expect') v.expect = val;
        else if (k === 'godebug') v.env.GODEBUG = val;
        else if (k === 'cpuquota') v.cpuQuota = parseFloat(val);
        else if (/^[A-Z_][A-Z0-9_]*$/.test(k)) v.env[k] = val;
        else throw new Error(`${file}: unknown key ${k}`);
      }
      if (!v.id) v.id = Object.entries(v.env).map(([a, b]) => `${a}=${b}`).join(',') || 'default';
      variants.push(v);
    } else if ((m = /^conformance-build:\s*(.*)$/.exec(body))) {
      for (const tok of m[1].split(/\s+/).filter(Boolean)) {
        const [k, val] = tok.split('=');
        if (k === 'cgo') build.cgo = val === '1' || val === 'true';
        else throw new Error(`${file}: unknown build key ${k}`);
      }
    } else if ((m = /^conformance-output:\s*(\S+)/.exec(body))) {
      outputs.push(m[1]);
    } else desc.push(body);
  }
  while (desc.length && desc[desc.length - 1] === '') desc.pop();
  if (variants.length === 0) variants.push({ id: 'default', runs: 5, timeoutMs: 10000, expect: null, env: {} });
  const ids = new Set();
  for (const v of variants) {
    if (ids.has(v.id)) throw new Error(`${file}: duplicate variant id ${v.id}`);
    ids.add(v.id);
  }
  return { description: desc.join('\n'), variants, build, outputs };
}

// ---------------------------------------------------------------- output parsing
function kvFields(s) {
  const f = {};
  const re = /([A-Za-z]+)=(\S*)/g;
  let m;
  while ((m = re.exec(s))) {
    const n = Number(m[2]);
    f[m[1]] = m[2] !== '' && Number.isFinite(n) ? n : m[2];
  }
  return f;
}

// SCHED lines (short and scheddetail form) from raw stderr.
function parseSched(stderr) {
  const res = [];
  let cur = null;
  let fatal = false;
  for (const line of stderr.split('\n')) {
    let m;
    if (/^fatal error: /.test(line)) fatal = true;
    if ((m = /^SCHED (\d+)ms: (.*)$/.exec(line))) {
      let rest = m[2];
      // go1.21+: the short form ends with ` schedticks=[ t0 t1 … ]` after the run queues.
      const ticks = /\s*schedticks=\[([\d ]*)\]\s*$/.exec(rest);
      if (ticks) rest = rest.slice(0, ticks.index);
      const list = /\[([\d ]*)\]\s*$/.exec(rest);
      const fields = kvFields(rest.replace(/\[[\d ]*\]\s*$/, ''));
      cur = { t: parseInt(m[1], 10), ...fields };
      if (ticks) cur.schedticks = ticks[1].trim() === '' ? [] : ticks[1].trim().split(/\s+/).map(Number);
      if (fatal) cur.afterFatal = true; // the dump printed by the crash path (§21.2), not a periodic line
      if (list) cur.runqs = list[1].trim() === '' ? [] : list[1].trim().split(/\s+/).map(Number);
      res.push(cur);
    } else if (cur && (m = /^  ([PMG])(\d+): (.*)$/.exec(line))) {
      const kind = m[1], id = parseInt(m[2], 10);
      let rest = m[3];
      const rec = { id };
      if (kind === 'G') {
        const st = /^status=(\d+)\((.*)\)(?=\s+m=)\s*/.exec(rest);
        if (st) { rec.status = parseInt(st[1], 10); rec.waitreason = st[2]; rest = rest.slice(st[0].length); }
      }
      Object.assign(rec, kvFields(rest));
      (cur[kind] ??= []).push(rec);
    } else if (!/^\s/.test(line)) cur = null;
  }
  return res;
}

function normaliseText(s, ctx) {
  let t = s;
  if (ctx.buildDir) t = t.split(ctx.buildDir).join('$BUILD');
  if (ctx.goroot) t = t.split(ctx.goroot).join('$GOROOT');
  t = t.replace(/\b0x[0-9a-fA-F]+\b/g, '0x?');
  t = t.replace(/(goroutine \d+ \[[^\]]*?), \d+ minutes\]/g, '$1]');
  return t;
}

function stripSchedLines(stderr) {
  return stderr.split('\n').filter((l) => !/^SCHED \d+ms: /.test(l) && !/^  [PMG]\d+: /.test(l)).join('\n');
}

function stripMeasureLines(stdout) {
  return stdout.split('\n').filter((l) => !MEASURE_RE.test(l.trim())).join('\n');
}

function textSummary(texts) {
  const counts = new Map();
  for (const t of texts) counts.set(t, (counts.get(t) ?? 0) + 1);
  const distinct = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const cut = (s) => (s.length > MAX_TEXT_IN_JSON ? s.slice(0, MAX_TEXT_IN_JSON) + `\n…[truncated, ${s.length} chars]` : s);
  return {
    identical: distinct.length === 1,
    text: cut(distinct[0]?.[0] ?? ''),
    distinctCount: distinct.length,
    distinct: distinct.length === 1 ? undefined : distinct.slice(0, 6).map(([text, count]) => ({ count, text: cut(text) })),
  };
}

// ---------------------------------------------------------------- CPU quota (cgroup)
// The cgroup hierarchy that has the cpu controller: v1 (a `cgroup` mount with option cpu) or v2.
function cgroupCpuRoot() {
  let lines = [];
  try { lines = fs.readFileSync('/proc/self/mountinfo', 'utf8').split('\n'); } catch { return null; }
  const mounts = lines.map((l) => {
    const [pre, post] = l.split(' - ');
    if (!post) return null;
    const [fstype, , opts] = post.split(' ');
    return { dir: pre.split(' ')[4], fstype, opts: (opts ?? '').split(',') };
  }).filter(Boolean);
  const v1 = mounts.find((m) => m.fstype === 'cgroup' && m.opts.includes('cpu'));
  if (v1) return { version: 1, dir: v1.dir };
  for (const m of mounts.filter((x) => x.fstype === 'cgroup2')) {
    try { if (/\bcpu\b/.test(fs.readFileSync(path.join(m.dir, 'cgroup.subtree_control'), 'utf8'))) return { version: 2, dir: m.dir }; } catch { /* next */ }
  }
  return null;
}
// A fresh cgroup limited to `q` CPUs; the run's shell joins it (cgroup.procs) and execs the program.
function makeQuotaCgroup(q, tag) {
  const root = cgroupCpuRoot();
  if (!root) throw new Error('no cgroup hierarchy with the cpu controller on this machine: cannot run a cpuquota variant');
  const dir = path.join(root.dir, `gmpsim-record-${process.pid}-${tag.replace(/[^A-Za-z0-9_.-]/g, '_')}`);
  fs.mkdirSync(dir);
  let desc;
  if (root.version === 1) {
    const period = Number(fs.readFileSync(path.join(dir, 'cpu.cfs_period_us'), 'utf8').trim());
    const quota = Math.round(q * period);
    fs.writeFileSync(path.join(dir, 'cpu.cfs_quota_us'), String(quota));
    desc = `cgroup v1 cpu.cfs_quota_us=${fs.readFileSync(path.join(dir, 'cpu.cfs_quota_us'), 'utf8').trim()} cpu.cfs_period_us=${period}`;
  } else {
    const period = 100000;
    fs.writeFileSync(path.join(dir, 'cpu.max'), `${Math.round(q * period)} ${period}`);
    desc = `cgroup v2 cpu.max=${fs.readFileSync(path.join(dir, 'cpu.max'), 'utf8').trim()}`;
  }
  return {
    procs: path.join(dir, 'cgroup.procs'),
    desc,
    async remove() {
      for (let i = 0; i < 50; i++) {
        try { fs.rmdirSync(dir); return; } catch { await new Promise((r) => setTimeout(r, 100)); }
      }
      console.error(`warning: could not remove ${dir}`);
    },
  };
}

// ---------------------------------------------------------------- processes
function runEnv(variantEnv) {
  const env = {};
  for (const k of ['PATH', 'HOME', 'LANG', 'TMPDIR', 'USER']) if (process.env[k] !== undefined) env[k] = process.env[k];
  // Nothing Go-specific leaks in from the caller's environment.
  return { ...env, ...variantEnv };
}

// ---------------------------------------------------------------- aggregation
function summariseVariant(v, runs, ctx) {
  const measureNames = new Set();
  for (const r of runs) for (const k of Object.keys(r.measures)) measureNames.add(k);
  const measures = {};
  for (const name of [...measureNames].sort()) {
    const perRun = runs.map((r) => r.measures[name]?.values ?? []);
    const all = perRun.flat();
    const unit = runs.map((r) => r.measures[name]?.unit).find((u) => u != null) ?? null;
    const perRunMedian = perRun.filter((x) => x.length).map((x) => stats(x).median);
    measures[name] = { unit, ...stats(all), runsWithValue: perRunMedian.length,
      perRunMedian: perRun.some((x) => x.length > 1) ? stats(perRunMedian) : undefined,
      perRun: perRun.map((x) => (x.length > 50 ? { n: x.length, ...stats(x) } : x)) };
  }
  const exitCounts = {};
  for (const r of runs) {
    const key = r.timedOut ? 'timeout' : r.signal ? `signal:${r.signal}` : String(r.exitCode);
    exitCounts[key] = (exitCounts[key] ?? 0) + 1;
  }
  const expectOk = (r) => {
    if (v.expect == null) return true;
    if (v.expect === 'timeout') return r.timedOut;
    if (v.expect === 'nonzero') return !r.timedOut && r.exitCode !== 0;
    return !r.timedOut && String(r.exitCode) === v.expect;
  };
  const sched = runs.map((r) => r.sched);
  const hasSched = sched.some((s) => s.length);
  const peak = sched.filter((s) => s.length).map((s) => Math.max(...s.map((l) => l.threads ?? 0)));
  const first = sched.filter((s) => s.length).map((s) => s[0].threads);
  const last = sched.filter((s) => s.length).map((s) => s[s.length - 1].threads);
  const periodic = sched.map((s) => s.filter((l) => !l.afterFatal));
  const maxLines = Math.max(0, ...periodic.map((s) => s.length));
  const timesByIndex = [];
  for (let i = 0; i < maxLines; i++) timesByIndex.push(stats(periodic.map((s) => s[i]?.t).filter((x) => x !== undefined)));
  const stdoutNorm = runs.map((r) => normaliseText(stripMeasureLines(r.stdout), ctx));
  const stderrNorm = runs.map((r) => normaliseText(stripSchedLines(r.stderr), ctx));
  return {
    id: v.id,
    env: v.env,
    runs: runs.length,
    timeoutMs: v.timeoutMs,
    expect: v.expect,
    expectMet: `${runs.filter(expectOk).length}/${runs.length}`,
    exit: exitCounts,
    wallMs: stats(runs.map((r) => r.wallMs)),
    stdout: textSummary(stdoutNorm),
    stderr: textSummary(stderrNorm),
    measures,
    sched: hasSched ? {
      peakThreads: stats(peak),
      firstThreads: stats(first),
      lastThreads: stats(last),
      lineTimesMs: timesByIndex.map((s) => s && { n: s.n, min: s.min, median: s.median, max: s.max }),
      perRun: sched,
    } : null,
    perRun: runs.map((r) => ({ wallMs: Math.round(r.wallMs * 100) / 100, exitCode: r.exitCode, signal: r.signal,
      timedOut: r.timedOut, spawnError: r.spawnError ?? undefined })),
  };
}

// ---------------------------------------------------------------- main
async function main() {
  const opt = parseArgs(process.argv.slice(2));
  const all = fs.readdirSync(PROGRAMS).filter((f) => f.endsWith('.go')).map((f) => f.slice(0, -3)).sort();
  const names = opt.names.length ? opt.names : all;
  for (const n of names) if (!all.includes(n)) throw new Error(`no program ${n}.go in ${PROGRAMS}`);
  const headers = Object.fromEntries(names.map((n) => [n, parseHeader(path.join(PROGRAMS, `${n}.go`))]));
  const runsFor = (v) => (opt.runs != null ? opt.runs : Math.max(1, Math.round(v.runs * opt.runsScale)));
  const previousRef = (name) => {
    try { return JSON.parse(fs.readFileSync(path.join(opt.out, `${name}.json`), 'utf8')); } catch { return null; }
  };
  const selectedIn = (name) => {
    const prev = opt.redoNoisy == null ? null : previousRef(name);
    return (v) => {
      if (opt.variants.length && !opt.variants.includes(v.id)) return false;
      if (opt.redoNoisy == null) return true;
      const old = prev?.variants?.find((x) => x.id === v.id);
      return !old || old.foreignCpu == null || old.foreignCpu > opt.redoNoisy;
    };
  };

  if (opt.summary) {
    const release = releaseOf(opt.go ?? '');
    if (!opt.out && !release) throw new Error('--summary: say which references: --go 1.19|1.26 (or --out DIR)');
    printSummary(opt.out ?? path.join(HERE, 'reference', `go${release}`), opt.names);
    return;
  }
  if (opt.list) {
    for (const n of names) {
      const h = headers[n];
      console.log(`${n}${h.build.cgo ? ' (cgo)' : ''}`);
      for (const v of h.variants) console.log(`   ${v.id}: runs=${runsFor(v)} timeout=${v.timeoutMs}ms expect=${v.expect ?? '-'}${v.cpuQuota != null ? ` cpuquota=${v.cpuQuota}` : ''} ${JSON.stringify(v.env)}`);
    }
    return;
  }

  const tc = resolveGoOrExit(opt.go, 'conformance/record');
  const goBin = tc.bin;
  const goLine = `go ${tc.release}`;
  opt.out ??= path.join(HERE, 'reference', tc.outName);
  const envInfo = environmentInfo(goBin);
  const log = (...a) => { if (!opt.quiet) console.log(...a); };
  log(`go: ${envInfo.goVersion} (${goBin}, module ${goLine}) -> ${path.relative(process.cwd(), opt.out) || '.'}  kernel ${envInfo.kernel}  ${envInfo.cpuModel} x${envInfo.cores}`);
  fs.mkdirSync(opt.out, { recursive: true });
  const workRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'gmpsim-conformance-'));
  const tStart = Date.now();
  let failures = 0;
  try {
    for (const name of names) {
      const h = headers[name];
      const selected = selectedIn(name);
      if (!opt.list && !h.variants.some(selected)) continue;
      const src = path.join(PROGRAMS, `${name}.go`);
      let built;
      try {
        built = buildProgram(goBin, goLine, name, src, h.build, workRoot);
      } catch (e) {
        failures++;
        console.error(`BUILD FAILED ${name}: ${e.stderr?.toString() ?? e}`);
        continue;
      }
      log(`== ${name} (built in ${built.buildMs} ms)`);
      if (opt.dryRun) continue;
      const quiet = await waitQuiet(opt.idleWait, log);
      if (quiet.busy != null && quiet.busy > 0.25) log(`   WARNING: recording on a busy machine (${(quiet.busy * 100).toFixed(0)}% CPU)`);
      const ctx = { buildDir: built.dir, goroot: envInfo.goroot };
      const outFile = path.join(opt.out, `${name}.json`);
      const previous = previousRef(name);
      if (previous && previous.env?.goVersion !== envInfo.goVersion && h.variants.some((v) => !selected(v))) {
        // Keeping variants recorded on another toolchain would stamp them with this one's version.
        throw new Error(`${outFile} was recorded with ${previous.env?.goVersion}, not ${envInfo.goVersion}: record all its variants (no --variant/--redo-noisy) or use another --out`);
      }
      // Each batch runs every selected variant's runs; the runs of all batches are pooled per variant.
      const pooled = new Map(); // variant id → { runs, foreign: [] }
      for (let b = 0; b < opt.batches; b++) {
        if (b > 0) {
          log(`   batch ${b + 1} of ${opt.batches} in ${opt.batchGap} s`);
          await new Promise((res) => setTimeout(res, opt.batchGap * 1000));
          await waitQuiet(opt.idleWait, log);
        }
        for (const v of h.variants) {
          if (!selected(v)) continue;
          const acc = pooled.get(v.id) ?? { runs: [], foreign: [] };
          pooled.set(v.id, acc);
          const cg = v.cpuQuota != null ? makeQuotaCgroup(v.cpuQuota, `${name}-${v.id}`) : null;
          acc.cgroup = cg?.desc;
          const snap0 = cpuSnap();
          try {
            for (let i = 0, n = runsFor(v); i < n; i++) {
              const r = await runOnce(built.bin, runEnv(v.env), v.timeoutMs, built.dir, cg?.procs ?? null);
              r.measures = parseMeasures(r.stdout);
              r.sched = parseSched(r.stderr);
              acc.runs.push(r);
            }
          } finally {
            await cg?.remove();
          }
          const f = foreignCpu(snap0, cpuSnap());
          if (f != null) acc.foreign.push(f);
        }
      }
      const variantsOut = [];
      for (const v of h.variants) {
        if (!selected(v)) {
          const old = previous?.variants?.find((x) => x.id === v.id);
          if (old) variantsOut.push(old);
          continue;
        }
        const acc = pooled.get(v.id);
        const s = summariseVariant(v, acc.runs, ctx);
        if (v.cpuQuota != null) { s.cpuQuota = v.cpuQuota; s.cgroup = acc.cgroup; }
        s.foreignCpu = acc.foreign.length ? acc.foreign.reduce((x, y) => x + y, 0) / acc.foreign.length : null;
        if (opt.batches > 1) s.batches = opt.batches;
        s.recordedAt = new Date().toISOString();
        variantsOut.push(s);
        log(`   ${v.id}: exit ${JSON.stringify(s.exit)} expect ${s.expectMet} wall median ${s.wallMs.median.toFixed(1)} ms` +
          (s.sched ? ` peak threads ${s.sched.peakThreads?.median}` : '') +
          (s.stdout.identical ? '' : ` stdout differs (${s.stdout.distinctCount})`) +
          (s.stderr.identical ? '' : ` stderr differs (${s.stderr.distinctCount})`) +
          (s.foreignCpu != null && s.foreignCpu > 0.15 ? ` NOISY: other processes used ${(s.foreignCpu * 100).toFixed(0)}% CPU` : ''));
      }
      const ref = {
        program: name,
        source: `programs/${name}.go`,
        description: h.description,
        build: { cgo: h.build.cgo, flags: '-trimpath', goMod: goLine },
        env: envInfo,
        host: { cpuBusyBefore: quiet.busy, cpuBusyAfter: await cpuBusy(), waitedForQuietS: quiet.waitedS,
          loadavg: fs.existsSync('/proc/loadavg') ? fs.readFileSync('/proc/loadavg', 'utf8').trim() : null },
        variants: variantsOut,
      };
      fs.writeFileSync(outFile, JSON.stringify(ref, null, 1) + '\n');
      for (const o of h.outputs) writeExtraOutput(o, ref, opt.out);
    }
  } finally {
    fs.rmSync(workRoot, { recursive: true, force: true });
  }
  log(`done in ${((Date.now() - tStart) / 1000).toFixed(1)} s${failures ? `, ${failures} build failures` : ''}`);
  if (failures) process.exitCode = 1;
}

// costs.json: a flat view of the first variant's measurements (each run prints one value per cost, itself a
// median over many iterations; we report the median/min/max of those per-run values).
function writeExtraOutput(name, ref, outDir) {
  if (name !== 'costs.json') throw new Error(`unknown conformance-output ${name}`);
  const v = ref.variants[0];
  if (!v) return;
  const costs = {};
  for (const [k, m] of Object.entries(v.measures)) {
    const perRun = m.perRun.map((x) => (Array.isArray(x) ? (x.length ? stats(x).median : null) : x.median)).filter((x) => x != null);
    const s = stats(perRun);
    costs[k] = { unit: m.unit, median: s?.median ?? null, min: s?.min ?? null, max: s?.max ?? null, runs: perRun.length };
  }
  const descr = {};
  for (const line of v.stdout.text.split('\n')) {
    const m = /^DESCRIBE\s+(\S+)\s+(.*)$/.exec(line);
    if (m) descr[m[1]] = m[2];
  }
  for (const k of Object.keys(costs)) if (descr[k]) costs[k].what = descr[k];
  fs.writeFileSync(path.join(outDir, name), JSON.stringify({
    source: ref.source, variant: v.id, variantEnv: v.env, env: ref.env, costs,
  }, null, 1) + '\n');
}

function printSummary(dir, names) {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'costs.json').sort();
  const fmt = (m) => (m == null ? '-' : m.min === m.max ? `${m.median}` : `${m.median} (${m.min}–${m.max})`);
  const out = ['| program | variant | exit | wall ms | key values (median (min–max)) |', '|---|---|---|---|---|'];
  for (const f of files) {
    const ref = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    if (names.length && !names.includes(ref.program)) continue;
    for (const v of ref.variants) {
      const vals = [];
      const order = /^ORDER (.*)$/m.exec(v.stdout.text);
      if (order) vals.push(`ORDER ${order[1].slice(0, 80)}${v.stdout.identical ? '' : ` (${v.stdout.distinctCount} distinct)`}`);
      const fe = /^(fatal error: .*|panic: .*)$/m.exec(v.stderr.text);
      if (fe) vals.push(fe[1]);
      for (const [k, m] of Object.entries(v.measures)) vals.push(`${k}=${fmt(m)}${m.unit ? ' ' + m.unit : ''}`);
      if (v.sched) vals.push(`SCHED peak threads=${fmt(v.sched.peakThreads)}, first=${fmt(v.sched.firstThreads)}`);
      if (v.foreignCpu > 0.15) vals.push(`(noisy: other processes used ${(v.foreignCpu * 100).toFixed(0)}% CPU)`);
      out.push(`| ${ref.program} | ${v.id} | ${Object.entries(v.exit).map(([a, b]) => `${a}×${b}`).join(' ')} | ` +
        `${v.wallMs.median.toFixed(0)} | ${vals.join('; ').replace(/\|/g, '\\|')} |`);
    }
  }
  console.log(out.join('\n'));
}

main().catch((e) => { console.error(process.env.RECORD_DEBUG ? e.stack ?? String(e) : `record: ${e.message ?? e}`); killAll(); process.exit(1); });
