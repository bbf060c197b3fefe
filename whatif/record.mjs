#!/usr/bin/env node
// Records the ground truth of docs/whatif.md: each program of whatif/programs/ run on real Go (go1.26.8,
// resolved by conformance/toolchain.mjs, never `go` from the PATH) at GOMAXPROCS 4, 1, 2 and 8, every run
// traced with runtime/trace (a wrapper starts the trace first thing in main and stops it when main
// returns; nothing else in the program changes). Per run it keeps: wall time (trace.Start → trace.Stop,
// measured in the program), threads (pprof threadcreate count at the end: the Ms the runtime made, its
// peak), and from the trace (read with src/trace's reader): system calls, scheduling latency
// (Runnable → Running) p50/p99. The CPU profiler runs with the trace (runtime/pprof at its default 100
// Hz, to io.Discard): its samples, in the trace, measure the CPU the program really got on a shared
// machine. Of the 5 GOMAXPROCS=4 runs, the one with the median wall time is kept as
// whatif/traces/NAME.trace: the input of `gmpsim replay`.
//
//   npm run build && flock /tmp/gorecord.lock node whatif/record.mjs [--runs 5] [--idle-wait 60] [NAME...]
//
// Output: whatif/reference/NAME.json (stamped with `go version`, the machine and its load while
// recording) and whatif/traces/NAME.trace.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveGoOrExit } from '../conformance/toolchain.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  if (i < 0) return dflt;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const runs = Number(opt('--runs', '5'));
const idleWait = Number(opt('--idle-wait', '0'));
const settings = [4, 1, 2, 8];
const { readGoTrace } = await import(path.join(root, 'dist/src/trace/reader.js'));
const { traceMetrics } = await import(path.join(root, 'dist/src/trace/metrics.js'));

const go = resolveGoOrExit('1.26', 'whatif/record');
const names = args.length > 0 ? args : fs.readdirSync(path.join(root, 'whatif/programs')).filter((f) => f.endsWith('.go')).map((f) => f.slice(0, -3)).sort();

const wrapper = `package main

import (
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"runtime/trace"
	"time"
)

var whatifFile *os.File
var whatifStart time.Time

func whatifBegin() {
	if p := os.Getenv("GMPSIM_TRACE_OUT"); p != "" {
		f, err := os.Create(p)
		if err != nil {
			panic(err)
		}
		whatifFile = f
		if err := pprof.StartCPUProfile(io.Discard); err != nil {
			panic(err)
		}
		if err := trace.Start(f); err != nil {
			panic(err)
		}
	}
	whatifStart = time.Now()
}

func whatifEnd() {
	el := time.Since(whatifStart)
	if whatifFile != nil {
		trace.Stop()
		pprof.StopCPUProfile()
		whatifFile.Close()
	}
	fmt.Fprintf(os.Stderr, "WHATIF wall_ns=%d threads=%d\\n", el.Nanoseconds(), pprof.Lookup("threadcreate").Count())
}
`;

/** Busy fraction of the machine's CPUs over `ms` (from /proc/stat). */
function busy(ms) {
  const read = () => {
    const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { idle: f[3] + f[4], total: f.reduce((a, b) => a + b, 0) };
  };
  const a = read();
  spawnSync('sleep', [String(ms / 1000)]);
  const b = read();
  return 1 - (b.idle - a.idle) / Math.max(1, b.total - a.total);
}

if (idleWait > 0) {
  const until = Date.now() + idleWait * 1000;
  for (;;) {
    const b = busy(1000);
    if (b < 0.15 || Date.now() > until) {
      console.error(`machine busy ${(b * 100).toFixed(0)}% — ${b < 0.15 ? 'quiet' : 'still busy after the wait, recording anyway (noted)'}`);
      break;
    }
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gmpsim-whatif-'));
fs.mkdirSync(path.join(root, 'whatif/reference'), { recursive: true });
fs.mkdirSync(path.join(root, 'whatif/traces'), { recursive: true });
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
try {
  for (const name of names) {
    const src = fs.readFileSync(path.join(root, 'whatif/programs', `${name}.go`), 'utf8');
    if (!/^func main\(\) \{$/m.test(src)) throw new Error(`${name}.go: no "func main() {" line to wrap`);
    const work = path.join(tmp, name);
    fs.mkdirSync(work);
    fs.writeFileSync(path.join(work, 'go.mod'), 'module whatif\n\ngo 1.26\n');
    fs.writeFileSync(path.join(work, 'main.go'), src.replace(/^func main\(\) \{$/m, 'func main() {\n\twhatifBegin()\n\tdefer whatifEnd()'));
    fs.writeFileSync(path.join(work, 'whatif_wrap.go'), wrapper);
    const bin = path.join(work, name);
    execFileSync(go.bin, ['build', '-trimpath', '-o', bin, '.'], {
      cwd: work,
      env: { ...process.env, GOTOOLCHAIN: 'local', CGO_ENABLED: '0', GOFLAGS: '-mod=mod', GOCACHE: process.env.GOCACHE ?? '/tmp/gocache', GOPATH: process.env.GOPATH ?? '/tmp/gopath' },
      stdio: 'inherit',
      timeout: 300_000,
    });
    const load0 = os.loadavg()[0];
    const bySetting = {};
    let traced;
    for (const gmp of settings) {
      const list = [];
      for (let i = 0; i < runs; i++) {
        const tf = path.join(work, `run-${gmp}-${i}.trace`);
        const env = { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: os.tmpdir(), GOMAXPROCS: String(gmp), GMPSIM_TRACE_OUT: tf };
        const r = spawnSync(bin, [], { cwd: work, env, encoding: 'utf8', timeout: 120_000 });
        if (r.status !== 0) throw new Error(`${name} GOMAXPROCS=${gmp}: exit ${r.status} ${r.signal ?? ''}\n${r.stderr}`);
        const m = /WHATIF wall_ns=(\d+) threads=(\d+)/.exec(r.stderr);
        if (m === null) throw new Error(`${name}: no WHATIF line in stderr:\n${r.stderr}`);
        const bytes = new Uint8Array(fs.readFileSync(tf));
        const tm = traceMetrics(readGoTrace(bytes));
        const run = { wallNs: Number(m[1]), threads: Number(m[2]), syscalls: tm.syscalls, latencyP50: tm.latency.p50, latencyP99: tm.latency.p99, traceBytes: bytes.length };
        list.push(run);
        if (gmp !== 4) fs.rmSync(tf);
      }
      if (gmp === 4) {
        // The median run (by wall time) is the traced one.
        const order = list.map((r, i) => i).sort((a, b) => list[a].wallNs - list[b].wallNs);
        const mid = order[(order.length - 1) >> 1];
        fs.copyFileSync(path.join(work, `run-4-${mid}.trace`), path.join(root, 'whatif/traces', `${name}.trace`));
        traced = { run: mid, ...list[mid] };
        for (let i = 0; i < runs; i++) fs.rmSync(path.join(work, `run-4-${i}.trace`));
      }
      const agg = {};
      for (const k of ['wallNs', 'threads', 'syscalls', 'latencyP50', 'latencyP99']) {
        const xs = list.map((r) => r[k]);
        agg[k] = { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) };
      }
      bySetting[gmp] = { runs: list, ...agg };
      console.error(`${name} GOMAXPROCS=${gmp}: wall ${(agg.wallNs.median / 1e6).toFixed(1)} ms, threads ${agg.threads.median}, syscalls ${agg.syscalls.median}`);
    }
    const ref = {
      program: `whatif/programs/${name}.go`,
      env: {
        goVersion: go.versionLine,
        os: `${os.type()} ${os.release()}`,
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? '',
        loadavg1Before: load0,
        loadavg1After: os.loadavg()[0],
        recorded: new Date().toISOString().slice(0, 10),
      },
      trace: { file: `whatif/traces/${name}.trace`, gomaxprocs: 4, ...traced },
      settings: bySetting,
    };
    fs.writeFileSync(path.join(root, 'whatif/reference', `${name}.json`), JSON.stringify(ref, null, 1) + '\n');
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
