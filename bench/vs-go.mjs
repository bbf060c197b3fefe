// `npm run bench -- --vs-go` (or `node bench/vs-go.mjs`): gmpsim against the real Go runtime on the
// four workloads of issue 14, in one interleaved run.
//
//   node bench/vs-go.mjs [--runs N] [--only spawn,pingpong,...] [--go 1.19,1.26] [--sim ts,go]
//                        [--base DIR] [--json FILE]
//
// Each workload is a real Go program (bench/vs-go/NAME.go) and its twin through the TypeScript workload
// API (bench/vs-go/NAME.ts). For every Go release asked for (default both profiles, 1.19 and 1.26) the
// program is built with that release's exact toolchain (resolved through conformance/toolchain.mjs:
// go1.19.8, go1.26.8, never `go` from the PATH), and three processes are compared:
//   real    the Go binary, GOMAXPROCS=8
//   ts      `gmpsim run --go R --gomaxprocs 8 NAME.ts`  (the TypeScript twin)
//   go      `gmpsim run --go R --gomaxprocs 8 NAME.go`  (the same Go source through the Go frontend)
// A round runs every (workload, release) triple once, the three processes back to back, their order
// rotating from round to round; rounds repeat --runs times (default 5). Each process is measured by
// bench/rusage (a subreaper reading wait4's rusage of the whole process tree): CPU time = user + sys
// of every thread of every process the command started (Go's threads, V8's, and the esbuild service
// gmpsim spawns to bundle a TypeScript workload, which /usr/bin/time would miss), and peak RSS (the
// largest process's). The machine has 2 cores shared with other work, so the figure that counts is
// the CPU-time ratio sim/real taken within the same round (the processes ran seconds apart, under the
// same load); printed as min / median / max over the rounds, with the absolute medians beside them.
//
// --base DIR adds the same gmpsim runs made by another built checkout (DIR/bin/gmpsim.js, e.g. a copy of
// the parent commit's build) to every round: an optimisation's figure against its parent, interleaved.
//
// `empty` (an empty main) is the start-up row: what a process costs before it does anything.
// Every process's stdout is checked ("done N"), so a broken run cannot pass as a fast one.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveGoOrExit } from '../conformance/toolchain.mjs';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIR = path.join(ROOT, 'bench', 'vs-go');
const CLI = path.join(ROOT, 'bin', 'gmpsim.js');

/** The workloads, in the order of issue 14's table, and what each prints on success. */
const WORKLOADS = [
  { name: 'spawn', title: '1M goroutines spawn + exit', out: 'done 1000000' },
  { name: 'pingpong', title: '10k pairs × 100 unbuffered ping-pong', out: 'done 10000' },
  { name: 'nanosleep', title: '10k × 1 ms nanosleep', out: 'done 10000' },
  { name: 'pipes', title: '9k goroutines reading pipes', out: 'done 9000' },
  { name: 'empty', title: 'start-up: empty main', out: 'done 0' },
];

function parseArgs(argv) {
  const o = { runs: 5, only: null, releases: ['1.19', '1.26'], json: null, base: null, sim: ['ts', 'go'] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--vs-go') continue;
    else if (a === '--runs') o.runs = Number(argv[++i]);
    else if (a === '--only') o.only = argv[++i].split(',');
    else if (a === '--go') o.releases = argv[++i].split(',');
    else if (a === '--json') o.json = argv[++i];
    else if (a === '--base') o.base = argv[++i];
    else if (a === '--sim') o.sim = argv[++i].split(',');
    else throw new Error(`vs-go: unknown argument ${a} (--runs N, --only a,b, --go 1.19,1.26, --sim ts,go, --base DIR, --json FILE)`);
  }
  if (!(o.runs >= 1)) throw new Error('vs-go: --runs needs a positive number');
  return o;
}

/** Run argv under bench/rusage; { cpu (s), wall (s), rssMiB }. */
function measure(rusage, argv, env, expect, label) {
  const tf = path.join(os.tmpdir(), `gmpsim-vsgo-${process.pid}.time`);
  const r = spawnSync(rusage, [tf, ...argv], { env, encoding: 'utf8', maxBuffer: 64 << 20 });
  const stdout = r.stdout ?? '';
  if (r.status !== 0 || !stdout.includes(expect)) {
    // Left out of the figures and listed at the end (a run gmpsim's watchdog stopped on a loaded
    // machine must not end an hour-long measurement).
    const message = `${label}: exit ${r.status}: ${stdout.slice(-200).trim()} ${String(r.stderr).slice(-400).trim()}`;
    process.stdout.write(`FAILED ${message}\n`);
    return { failed: message };
  }
  const [wall, user, sys, rssKiB] = fs.readFileSync(tf, 'utf8').trim().split('\n').pop().split(/\s+/).map(Number);
  fs.rmSync(tf, { force: true });
  return { cpu: user + sys, wall, rssMiB: rssKiB / 1024 };
}

function quantiles(xs) {
  const a = xs.filter((x) => !Number.isNaN(x)).sort((x, y) => x - y);
  if (a.length === 0) return { min: NaN, median: NaN, max: NaN };
  return { min: a[0], median: a[Math.floor((a.length - 1) / 2)], max: a[a.length - 1] };
}

function main() {
  const o = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('vs-go: build first (npm run build)');
  const baseCli = o.base === null ? null : path.join(path.resolve(o.base), 'bin', 'gmpsim.js');
  if (baseCli !== null && !fs.existsSync(path.join(path.resolve(o.base), 'dist', 'cli', 'main.js'))) throw new Error(`vs-go: --base ${o.base}: no built gmpsim there (dist/cli/main.js)`);
  const workloads = WORKLOADS.filter((w) => o.only === null || o.only.includes(w.name));
  // The processes of a round: real Go, then gmpsim (this build, and the --base build) per frontend.
  const kinds = ['real', ...o.sim, ...(baseCli === null ? [] : o.sim.map((k) => `${k}@base`))];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gmpsim-vsgo-'));
  const toolchains = {};
  const rusage = path.join(tmp, 'rusage');
  execFileSync(resolveGoOrExit(o.releases[0], 'bench --vs-go').bin, ['build', '-o', rusage, 'main.go'], { cwd: path.join(ROOT, 'bench', 'rusage'), stdio: 'pipe', env: { ...process.env, GOTOOLCHAIN: 'local' } });
  for (const rel of o.releases) {
    const tc = resolveGoOrExit(rel, 'bench --vs-go');
    toolchains[rel] = tc;
    for (const w of workloads) {
      execFileSync(tc.bin, ['build', '-o', path.join(tmp, `${w.name}-${rel}`), `${w.name}.go`], {
        cwd: DIR,
        stdio: 'pipe',
        env: { ...process.env, GOTOOLCHAIN: 'local' },
      });
    }
  }
  const env = { ...process.env, GOMAXPROCS: '8' };
  delete env.GODEBUG;
  const argvOf = (w, rel, kind) => {
    if (kind === 'real') return [path.join(tmp, `${w.name}-${rel}`)];
    const [frontend, base] = kind.split('@');
    return [process.execPath, base ? baseCli : CLI, 'run', '--go', rel, '--gomaxprocs', '8', path.join(DIR, `${w.name}.${frontend}`)];
  };
  process.stdout.write(
    `node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}; ` +
      `${o.runs} rounds; toolchains: ${o.releases.map((r) => toolchains[r].versionLine).join('; ')}` +
      (baseCli === null ? '' : `; base build: ${path.resolve(o.base)}`) + '\n',
  );
  /** samples[w][rel][kind] = [{cpu, wall, rssMiB}] per round */
  const samples = {};
  for (let round = 0; round < o.runs; round++) {
    for (const w of workloads) {
      for (const rel of o.releases) {
        const order = kinds.map((_, i) => kinds[(i + round) % kinds.length]);
        for (const kind of order) {
          const m = measure(rusage, argvOf(w, rel, kind), env, w.out, `${w.name} ${kind} go${rel}`);
          (((samples[w.name] ??= {})[rel] ??= {})[kind] ??= [])[round] = m;
        }
      }
    }
    process.stdout.write(`round ${round + 1}/${o.runs} done (load ${os.loadavg()[0].toFixed(2)})\n`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });

  const fmtQ = (q, d = 2) => (Number.isNaN(q.median) ? '—' : `${q.median.toFixed(d)}× (${q.min.toFixed(d)}–${q.max.toFixed(d)})`);
  const name = { ts: 'TS workload', go: 'Go frontend', 'ts@base': 'TS (base)', 'go@base': 'Go frontend (base)' };
  const sims = kinds.slice(1);
  const rows = [];
  process.stdout.write(
    '\nCPU time (user + sys, whole process tree) of gmpsim / real Go within each round: median (min–max) over the rounds;\n' +
      'absolute medians: CPU s, peak RSS MiB (ratio to real Go)' +
      (baseCli === null ? '' : '; "this/base": this build against the --base build within each round') +
      '\n\n' +
      `| workload | Go | real Go | ${sims.map((k) => `${name[k]} / real`).join(' | ')} | ${sims.map((k) => `${name[k]}: CPU, RSS`).join(' | ')}` +
      (baseCli === null ? '' : ` | ${o.sim.map((k) => `${name[k]} this/base`).join(' | ')}`) +
      ' |\n' +
      `|---|---|---|${sims.map(() => '---|').join('')}${sims.map(() => '---|').join('')}${baseCli === null ? '' : o.sim.map(() => '---|').join('')}\n`,
  );
  for (const w of workloads) {
    for (const rel of o.releases) {
      const s = samples[w.name][rel];
      const cpuOf = (m) => (m.failed ? NaN : m.cpu);
      const rssOf = (m) => (m.failed ? NaN : m.rssMiB);
      // The start-up row's real process costs ≈ 1 ms (at the clock's resolution): no CPU ratio there.
      const ratio = (kind, f, to = 'real') => quantiles(s[kind].map((m, i) => (w.name === 'empty' && f === cpuOf && to === 'real' ? NaN : f(m) / f(s[to][i]))));
      const med = (kind, f) => quantiles(s[kind].map(f)).median;
      const row = { workload: w.name, release: rel, samples: s };
      for (const k of kinds) {
        row[k] = { cpu: med(k, cpuOf), rssMiB: med(k, rssOf) };
        if (k !== 'real') Object.assign(row[k], { cpuRatio: ratio(k, cpuOf), rssRatio: ratio(k, rssOf) });
        if (k.endsWith('@base')) row[k.replace('@base', '')].cpuVsBase = ratio(k.replace('@base', ''), cpuOf, k);
      }
      rows.push(row);
      process.stdout.write(
        `| ${w.title} | ${rel} | ${row.real.cpu.toFixed(3)} s, ${row.real.rssMiB.toFixed(0)} MiB | ` +
          sims.map((k) => fmtQ(row[k].cpuRatio)).join(' | ') +
          ' | ' +
          sims.map((k) => `${row[k].cpu.toFixed(3)} s, ${row[k].rssMiB.toFixed(0)} MiB (${row[k].rssRatio.median.toFixed(1)}×)`).join(' | ') +
          (baseCli === null ? '' : ' | ' + o.sim.map((k) => fmtQ(row[k].cpuVsBase, 3)).join(' | ')) +
          ' |\n',
      );
    }
  }
  const failed = rows.flatMap((r) => Object.values(r.samples).flat().filter((m) => m.failed).map((m) => m.failed));
  if (failed.length > 0) process.stdout.write(`\n${failed.length} run(s) failed and are left out of the figures:\n${failed.map((f) => `  ${f}\n`).join('')}`);
  if (o.json) fs.writeFileSync(o.json, JSON.stringify({ node: process.version, toolchains, runs: o.runs, base: o.base, rows }, null, 1) + '\n');
}

try {
  main();
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
