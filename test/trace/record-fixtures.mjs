#!/usr/bin/env node
// Records the real execution traces the trace reader is tested on (test/trace/reader.test.ts): conformance
// programs run once each on go1.26.8 (resolved by conformance/toolchain.mjs) with the environment of their
// first declared variant, traced from the first line of main to its return (a wrapper, as
// tools/trace-compare.mjs; nothing else changes). Writes test/trace/fixtures/NAME.trace and NAME.json (the
// `go version` stamp, the environment, the machine). Traces over 512 KiB are not kept.
//
//   flock /tmp/gorecord.lock node test/trace/record-fixtures.mjs [NAME...]
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveGoOrExit } from '../../conformance/toolchain.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, 'test/trace/fixtures');
const defaults = ['gosched_alternation', 'gomaxprocs_call', 'netpoll_wake', 'pipe_block_threads', 'syscall_pstatus', 'timer_wake_order', 'runnext_order10', 'lone_syscall', 'preempt_slices', 'handoff_latency', 'cpu_oversubscribed', 'file_worker_pool'];
const names = process.argv.length > 2 ? process.argv.slice(2) : defaults;
const go = resolveGoOrExit('1.26', 'record-fixtures');
const wrapper = `package main

import (
	"os"
	"runtime/trace"
)

var fixtureTraceFile *os.File

func fixtureTraceStart() {
	f, err := os.Create(os.Getenv("GMPSIM_TRACE_OUT"))
	if err != nil {
		panic(err)
	}
	fixtureTraceFile = f
	if err := trace.Start(f); err != nil {
		panic(err)
	}
}

func fixtureTraceStop() {
	trace.Stop()
	fixtureTraceFile.Close()
}
`;
fs.mkdirSync(out, { recursive: true });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gmpsim-trace-fixtures-'));
try {
  for (const name of names) {
    const src = fs.readFileSync(path.join(root, 'conformance/programs', `${name}.go`), 'utf8');
    const variant = /^\/\/ conformance: (.*)$/m.exec(src);
    const env = {};
    for (const kv of (variant?.[1] ?? '').split(/\s+/)) {
      const m = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(kv);
      if (m) env[m[1]] = m[2];
    }
    const work = path.join(tmp, name);
    fs.mkdirSync(work);
    fs.writeFileSync(path.join(work, 'go.mod'), 'module conformance\n\ngo 1.26\n');
    fs.writeFileSync(path.join(work, 'main.go'), src.replace(/^func main\(\) \{$/m, 'func main() {\n\tfixtureTraceStart()\n\tdefer fixtureTraceStop()'));
    fs.writeFileSync(path.join(work, 'trace_wrap.go'), wrapper);
    const bin = path.join(work, name);
    execFileSync(go.bin, ['build', '-trimpath', '-o', bin, '.'], {
      cwd: work,
      env: { ...process.env, GOTOOLCHAIN: 'local', CGO_ENABLED: '0', GOFLAGS: '-mod=mod', GOCACHE: process.env.GOCACHE ?? '/tmp/gocache', GOPATH: process.env.GOPATH ?? '/tmp/gopath' },
      stdio: 'inherit',
    });
    const tf = path.join(work, 'run.trace');
    const r = spawnSync(bin, [], { cwd: work, env: { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: os.tmpdir(), ...env, GMPSIM_TRACE_OUT: tf }, encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0 || !fs.existsSync(tf)) {
      console.error(`${name}: no trace (exit ${r.status}): ${r.stderr.slice(0, 300)}`);
      continue;
    }
    const size = fs.statSync(tf).size;
    if (size > 512 * 1024) {
      console.error(`${name}: trace of ${size} bytes, not kept`);
      continue;
    }
    fs.copyFileSync(tf, path.join(out, `${name}.trace`));
    const stamp = { program: `conformance/programs/${name}.go`, goVersion: go.versionLine, env, exit: r.status, os: `${os.type()} ${os.release()}`, cpus: os.cpus().length, loadavg1: os.loadavg()[0], recorded: new Date().toISOString().slice(0, 10) };
    fs.writeFileSync(path.join(out, `${name}.json`), JSON.stringify(stamp, null, 1) + '\n');
    console.error(`${name}: ${size} bytes`);
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
