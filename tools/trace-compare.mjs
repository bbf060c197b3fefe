#!/usr/bin/env node
// Real go1.26 vs gmpsim, through the same reader: for each program below, record a real execution
// trace with go1.26 (runtime/trace started first thing in main, stopped when main returns: the
// program is built with a two-line wrapper, nothing else changes), write gmpsim's trace of the same
// program (the go1.26 and go1.19 profiles), summarise all three with tools/gotrace-read
// (golang.org/x/exp/trace) and print the summaries side by side into docs/traces.md.
//
//   npm run build && flock /tmp/gorecord.lock node tools/trace-compare.mjs [--go /usr/local/go/bin/go]
//
// Real runs are timed on this machine: run it on a quiet machine (the header records the load average).
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const goIdx = process.argv.indexOf('--go');
const GO = goIdx > 0 ? process.argv[goIdx + 1] : '/usr/local/go/bin/go';
const { compileGo } = await import(path.join(root, 'dist/src/golang/index.js'));
const { run } = await import(path.join(root, 'dist/src/runtime/runtime.js'));
const { goTraceBytes } = await import(path.join(root, 'dist/src/views/gotrace.js'));

/** Programs and the environment of one of their conformance variants (their header lines). */
const programs = [
  { file: 'conformance/programs/syscall_threads50.go', env: { GOMAXPROCS: '2' }, what: '50 goroutines in a 1 s raw syscall.Nanosleep' },
  { file: 'conformance/programs/sleep_threads50.go', env: { GOMAXPROCS: '2' }, what: '50 goroutines in time.Sleep(1 s)' },
  { file: 'conformance/programs/pipe_block_threads.go', env: { GOMAXPROCS: '2', N: '10' }, what: '10 blocking reads on pipes, then one write each' },
  { file: 'conformance/programs/netpoll_wake.go', env: { GOMAXPROCS: '1', N: '10' }, what: '10 loopback TCP readers woken together' },
  { file: 'conformance/programs/file_worker_pool.go', env: { GOMAXPROCS: '2' }, what: '8 workers reading 400 files' },
  { file: 'conformance/programs/gosched_alternation.go', env: { GOMAXPROCS: '1' }, what: 'two goroutines alternating with runtime.Gosched' },
];

const wrapper = `package main

import (
	"os"
	"runtime/trace"
)

var gmpsimTraceFile *os.File

func gmpsimTraceStart() {
	f, err := os.Create(os.Getenv("GMPSIM_TRACE_OUT"))
	if err != nil {
		panic(err)
	}
	gmpsimTraceFile = f
	if err := trace.Start(f); err != nil {
		panic(err)
	}
}

func gmpsimTraceStop() {
	trace.Stop()
	gmpsimTraceFile.Close()
}
`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gmpsim-trace-compare-'));
const reader = path.join(dir, 'gotrace-read');
execFileSync(GO, ['build', '-mod=readonly', '-o', reader, '.'], { cwd: path.join(root, 'tools/gotrace-read'), stdio: 'inherit' });
const goVersion = execFileSync(GO, ['version'], { encoding: 'utf8' }).trim();
const summarise = (f) => JSON.parse(execFileSync(reader, [f], { encoding: 'utf8', maxBuffer: 1 << 28 }));

const rows = [];
for (const p of programs) {
  const name = path.basename(p.file, '.go');
  const src = fs.readFileSync(path.join(root, p.file), 'utf8');
  // Real go1.26.
  const work = path.join(dir, name);
  fs.mkdirSync(work);
  fs.writeFileSync(path.join(work, 'main.go'), src.replace(/^func main\(\) \{$/m, 'func main() {\n\tgmpsimTraceStart()\n\tdefer gmpsimTraceStop()'));
  fs.writeFileSync(path.join(work, 'trace_wrap.go'), wrapper);
  const bin = path.join(work, name);
  execFileSync(GO, ['build', '-o', bin, 'main.go', 'trace_wrap.go'], { cwd: work, env: { ...process.env, GOTOOLCHAIN: 'local', GO111MODULE: 'off' }, stdio: 'inherit' });
  const realTrace = path.join(work, 'real.trace');
  const r = spawnSync(bin, [], { cwd: work, env: { ...process.env, ...p.env, GMPSIM_TRACE_OUT: realTrace }, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`${name}: real run failed (${r.status}): ${r.stderr}`);
  const real = summarise(realTrace);
  // gmpsim, both profiles.
  const c = compileGo([{ name: 'main.go', text: src }], { env: p.env });
  if (!c.ok) throw new Error(`${name}: gmpsim cannot compile it`);
  const sim = {};
  for (const go of ['1.26', '1.19']) {
    const res = run({ main: c.main, linksOS: c.linksOS, linksCgo: c.linksCgo, ncpu: 2, gomaxprocs: Number(p.env.GOMAXPROCS), seed: 1, storeLog: true, go, until: 60e9 });
    const f = path.join(work, `gmpsim-${go}.trace`);
    fs.writeFileSync(f, goTraceBytes(res.log, { file: `${name}.go` }));
    sim[go] = summarise(f);
  }
  rows.push({ name, p, real, sim });
  console.error(`${name}: done`);
}

const us = (ns) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(ns >= 1e8 ? 0 : 1)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(ns >= 1e5 ? 0 : 1)} µs` : `${ns} ns`);
/** Goroutines created by the program (the real trace starts in main: runtime goroutines alive then are stated, not created). */
const created = (s) => Object.keys(s.functions).filter((g) => !s.functions[g].startsWith('runtime.')).length;
const sumDur = (s) => s.syscalls.reduce((a, x) => a + x.dur, 0);
const blocks = (s) =>
  Object.entries(s.blocks)
    .filter(([r]) => r !== 'system goroutine wait' && r !== 'GC background sweeper wait')
    .sort()
    .map(([r, n]) => `${r} ${n}${s.blockNs[r] ? ` (${us(s.blockNs[r])})` : ''}`)
    .join('; ') || '—';
const lines = [];
lines.push('# Traces: real go1.26 and gmpsim side by side');
lines.push('');
lines.push('Generated by `flock /tmp/gorecord.lock node tools/trace-compare.mjs` (after `npm run build`). For each program, a');
lines.push("real execution trace recorded with " + '`' + goVersion + '`' + " (runtime/trace started first thing in `main`, stopped when it");
lines.push('returns: the program is built with a two-line wrapper and nothing else changes) and gmpsim\'s `--trace` of the');
lines.push('same program (`RunOptions.go` 1.26 and 1.19 profiles) are summarised by the same reader, `tools/gotrace-read`');
lines.push('(golang.org/x/exp/trace, the Go team\'s parser). One real run each, on a 2-CPU machine shared with other work');
lines.push(`(load average at the start: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}).`);
lines.push('');
lines.push('Reading the rows: *goroutines* counts those the program created (runtime goroutines excluded); *threads* the Ms');
lines.push('with events (real: from `trace.Start` on, so start-up threads that never ran anything afterwards are missing;');
lines.push("gmpsim: from process start); *syscalls* the goroutine syscall states (`fmt`'s `write`s included, in both);");
lines.push('*lost P* those that returned without their P');
lines.push('(GoSyscallEndBlocked); *steals* ProcSteal (a P taken from a thread in a syscall); *blocked* GoBlock by Go\'s');
lines.push('reason with the time spent there; *sched latency* Runnable → Running. Differences are differences of the');
lines.push('model (or of what the real trace covers), listed, not tuned away.');
lines.push('');
lines.push("What the real column has that gmpsim does not model: runtime/trace's own writer goroutine (started by");
lines.push('`trace.Start`: its `write` syscalls and channel waits add to the real syscall and `chan receive` counts), the');
lines.push("garbage collector (`GC mark assist wait for work`, `preempted` blocks, GC workers' stops). The 1.26-profile");
lines.push('column equals the 1.19 one wherever the engine does not yet decide');
lines.push('differently for 1.26 (the version-profile mechanisms are being added one by one: issue #12).');
for (const { name, p, real, sim } of rows) {
  lines.push('');
  lines.push(`## ${name}.go — ${p.what}`);
  lines.push('');
  lines.push(`\`${Object.entries(p.env).map(([k, v]) => `${k}=${v}`).join(' ')}\`, [source](../${p.file})`);
  lines.push('');
  lines.push('| | go1.26.8 (real) | gmpsim, 1.26 profile | gmpsim, 1.19 profile |');
  lines.push('|---|---|---|---|');
  const row = (label, f) => lines.push(`| ${label} | ${f(real)} | ${f(sim['1.26'])} | ${f(sim['1.19'])} |`);
  row('duration (first to last event)', (s) => us(s.duration));
  row('goroutines created', (s) => String(created(s)));
  row('threads with events', (s) => String(s.threads.length));
  row('syscalls (lost P)', (s) => `${s.syscalls.length} (${s.syscalls.filter((x) => x.blocked).length})`);
  row('time in syscalls', (s) => us(sumDur(s)));
  row('P steals / handoffs to another thread', (s) => `${s.steals} / ${s.handoffs}`);
  row('blocked (by reason)', blocks);
  row('sched latency p50 / p90 / p99 / max', (s) => `${us(s.latency.p50)} / ${us(s.latency.p90)} / ${us(s.latency.p99)} / ${us(s.latency.max)}`);
  row('GoStop (preempted, Gosched)', (s) => `${s.stops['preempted'] ?? 0}, ${s.stops['runtime.Gosched'] ?? 0}`);
}
lines.push('');
fs.writeFileSync(path.join(root, 'docs/traces.md'), lines.join('\n'));
fs.rmSync(dir, { recursive: true, force: true });
console.error('wrote docs/traces.md');
