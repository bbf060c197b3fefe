// How much the Go code of one release costs against another's on the same machine, measured in pairs.
//
//   flock /tmp/gorecord.lock node conformance/release-costs.mjs [--pairs N] [--idle-wait SEC] [--out FILE]
//
// The cost defaults (src/runtime/cost.ts, src/golang/cost.ts) are go1.19.8's, measured by calibrate.go
// and cpu_costs.go. A later release runs the same machine's kernel but its own runtime and compiler:
// a goroutine switch, a channel operation, a call or a map access cost what its code costs. Recording
// the two toolchains at different times of the day does not show that difference: this 2-vCPU guest's
// speed drifts with the host's load (a goroutine switch measured 99 ns on go1.19.8 at 15:01 and 193 ns
// on go1.26.8 at 13:52 with no other process running; 99 and 116–120 ns when run back to back at
// 17:57). So this script builds calibrate.go and cpu_costs.go with both profiles' exact toolchains
// (conformance/toolchain.mjs) and runs them in pairs, back to back, alternating which goes first; for
// every figure the Go code decides (the list below: the runtime's fast paths and compiled loops, not
// the kernel's sleeps, wake-ups and clones, which both releases share) it takes the ratio later/1.19
// within each pair and reports the median over the pairs. Written to conformance/reference/release-costs.json;
// src/runtime/cost.ts `releaseCosts` and src/golang/cost.ts `releaseGoCpuCosts` apply those ratios to
// go1.19's medians (test/engine/calibration.test.ts checks that they do).
//
// Each run is one run of the program (its figures are medians of many repetitions inside the run, as in
// the conformance references); a pair whose runs saw other processes use > 15 % of the CPUs is recorded
// but flagged, and the ratios use the quiet pairs only (all pairs when none was quiet, said so).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveGoOrExit } from './toolchain.mjs';
import { buildProgram, cpuSnap, environmentInfo, foreignCpu, killAll, parseMeasures, runOnce, waitQuiet } from './record-lib.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** The programs and the figures of theirs that the release's own code decides. */
const PROGRAMS = [
  {
    name: 'calibrate',
    env: { GOMAXPROCS: '2' }, // its header's variant
    timeoutMs: 60_000,
    measures: [
      'chan_buffered_op_ns', 'goroutine_switch_ns', 'goroutine_create_exit_ns', 'goroutine_create_fresh_ns',
      'goroutine_create_reused_ns', 'mutex_uncontended_ns', 'time_now_ns', 'syscall_getpid_ns', 'rawsyscall_getpid_ns',
    ],
  },
  {
    name: 'cpu_costs',
    env: { GOMAXPROCS: '1' },
    timeoutMs: 60_000,
    measures: ['loop_empty', 'loop_sum', 'loop_count_until', 'loop_slice', 'loop_arith', 'loop_nested', 'loop_call', 'loop_map', 'loop_append'],
  },
];
const BASE = '1.19';
const NOISY = 0.15;

function parseArgs(argv) {
  const o = { pairs: 5, idleWait: 180, out: path.join(HERE, 'reference', 'release-costs.json'), releases: ['1.26'] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => { if (i + 1 >= argv.length) throw new Error(`${a} needs a value`); return argv[++i]; };
    if (a === '--pairs') o.pairs = Math.max(1, parseInt(next(), 10));
    else if (a === '--idle-wait') o.idleWait = parseFloat(next());
    else if (a === '--out') o.out = path.resolve(next());
    else if (a === '--go') o.releases = next().split(',').filter((r) => r !== BASE);
    else if (a === '-h' || a === '--help') { console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').filter((l) => l.startsWith('//')).map((l) => l.slice(3)).join('\n')); process.exit(0); }
    else throw new Error(`unknown argument ${a} (--pairs N, --idle-wait SEC, --out FILE, --go 1.26)`);
  }
  return o;
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length; return n === 0 ? null : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
const round4 = (x) => Math.round(x * 10_000) / 10_000;

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const tcs = [BASE, ...o.releases].map((r) => resolveGoOrExit(r, 'release-costs'));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gmpsim-release-costs-'));
  const bins = {};
  for (const tc of tcs) {
    for (const p of PROGRAMS) {
      const b = buildProgram(tc.bin, `go ${tc.release}`, p.name, path.join(HERE, 'programs', `${p.name}.go`), {}, path.join(work, tc.outName));
      bins[`${tc.release}/${p.name}`] = b.bin;
    }
    console.log(`${tc.versionLine} (${tc.bin})`);
  }
  const quiet = await waitQuiet(o.idleWait, (s) => console.log(s));
  if (quiet.busy !== null && quiet.busy > 0.25) console.log(`WARNING: recording on a busy machine (${(quiet.busy * 100).toFixed(0)}% CPU)`);
  // pairs[release][program] = [{ base: {measure: v}, other: {measure: v}, foreignCpu }]
  const pairs = {};
  for (let i = 0; i < o.pairs; i++) {
    for (const p of PROGRAMS) {
      for (const tc of tcs.slice(1)) {
        const order = i % 2 === 0 ? [BASE, tc.release] : [tc.release, BASE];
        const got = {};
        const a = cpuSnap();
        for (const r of order) {
          const res = await runOnce(bins[`${r}/${p.name}`], { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...p.env }, p.timeoutMs, path.dirname(bins[`${r}/${p.name}`]));
          if (res.exitCode !== 0) throw new Error(`${p.name} on go${r} exited ${res.exitCode ?? res.signal}${res.timedOut ? ' (timeout)' : ''}: ${res.stderr.slice(0, 400)}`);
          const m = parseMeasures(res.stdout);
          got[r] = Object.fromEntries(p.measures.map((k) => {
            if (!m[k]) throw new Error(`${p.name} on go${r} printed no MEASURE ${k}`);
            return [k, median(m[k].values)];
          }));
        }
        const fc = foreignCpu(a, cpuSnap());
        ((pairs[tc.release] ??= {})[p.name] ??= []).push({ first: order[0], base: got[BASE], other: got[tc.release], foreignCpu: fc });
        console.log(`pair ${i + 1}/${o.pairs} ${p.name} go${order[0]} first: ${p.measures.map((k) => `${k} ${(got[tc.release][k] / got[BASE][k]).toFixed(2)}`).join(', ')}${fc !== null && fc > NOISY ? `  NOISY (${(fc * 100).toFixed(0)}%)` : ''}`);
      }
    }
  }
  const out = {
    what: `ratio of each figure on a later release to go${BASE}'s, run back to back on the same machine (median over the pairs)`,
    source: PROGRAMS.map((p) => `programs/${p.name}.go`),
    base: { release: BASE, env: environmentInfo(tcs[0].bin) },
    releases: {},
  };
  for (const tc of tcs.slice(1)) {
    const rel = { env: environmentInfo(tc.bin), ratios: {}, pairs: pairs[tc.release] };
    for (const p of PROGRAMS) {
      const all = pairs[tc.release][p.name];
      const quietPairs = all.filter((x) => x.foreignCpu === null || x.foreignCpu <= NOISY);
      const use = quietPairs.length > 0 ? quietPairs : all;
      if (quietPairs.length === 0) console.log(`WARNING: no quiet pair for ${p.name}: the ratios use all ${all.length} (noisy)`);
      for (const k of p.measures) {
        const rs = use.map((x) => x.other[k] / x.base[k]);
        rel.ratios[k] = { median: round4(median(rs)), min: round4(Math.min(...rs)), max: round4(Math.max(...rs)), pairs: rs.length, noisyPairsLeftOut: all.length - use.length };
      }
    }
    out.releases[tc.release] = rel;
  }
  fs.writeFileSync(o.out, JSON.stringify(out, null, 1) + '\n');
  console.log(`wrote ${path.relative(process.cwd(), o.out)}`);
  for (const [r, rel] of Object.entries(out.releases)) {
    console.log(`go${r} / go${BASE}: ${Object.entries(rel.ratios).map(([k, v]) => `${k} ${v.median} [${v.min}–${v.max}]`).join('\n  ')}`);
  }
  fs.rmSync(work, { recursive: true, force: true });
}

main().catch((e) => { console.error(`release-costs: ${e.message ?? e}`); killAll(); process.exit(1); });
