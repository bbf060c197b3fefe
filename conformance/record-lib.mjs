// What the real-Go recorders share (conformance/record.mjs, conformance/release-costs.mjs): building a
// program with an exact toolchain, running it in its own process group with a timeout, reading its
// MEASURE lines, and telling whether the machine was quiet meanwhile (the share of the CPUs other
// processes used). No dependencies (Node >= 18); nothing here picks a toolchain: callers pass the
// resolved `go` binary (conformance/toolchain.mjs).
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const MAX_OUTPUT = 8 * 1024 * 1024; // bytes kept per stream per run
const BUILD_TIMEOUT_MS = 300_000;

// ---------------------------------------------------------------- MEASURE lines
export const MEASURE_RE = /^MEASURE\s+([A-Za-z0-9_.:\-\/]+)=(-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)(?:\s+(\S+))?\s*$/;

export function parseMeasures(stdout) {
  const out = {};
  for (const line of stdout.split('\n')) {
    const m = MEASURE_RE.exec(line.trim());
    if (!m) continue;
    const e = (out[m[1]] ??= { unit: m[3] ?? null, values: [] });
    e.values.push(parseFloat(m[2]));
  }
  return out;
}


// ---------------------------------------------------------------- is the machine quiet?
// Fraction of all CPUs busy over `ms` milliseconds (from /proc/stat), or null if unavailable.
function cpuTimes() {
  try {
    const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = f[3] + (f[4] || 0);
    return { idle, total: f.reduce((a, b) => a + b, 0) };
  } catch { return null; }
}
// CPU time (clock ticks) used by this process and its waited-for children, from /proc/self/stat.
function ownTicks() {
  try {
    const st = fs.readFileSync('/proc/self/stat', 'utf8');
    const f = st.slice(st.lastIndexOf(')') + 2).split(' ').map(Number);
    return f[11] + f[12] + f[13] + f[14]; // utime stime cutime cstime (fields 14–17)
  } catch { return null; }
}
// Snapshot for foreignCpu(): the share of all CPUs used by OTHER processes between two snapshots.
export function cpuSnap() { return { t: cpuTimes(), own: ownTicks() }; }
export function foreignCpu(a, b) {
  if (!a.t || !b.t || a.own == null || b.own == null || b.t.total === a.t.total) return null;
  const total = b.t.total - a.t.total;
  const busy = total - (b.t.idle - a.t.idle);
  const own = b.own - a.own;
  return Math.max(0, Math.round(((busy - own) / total) * 1000) / 1000);
}
export async function cpuBusy(ms = 500) {
  const a = cpuTimes();
  await new Promise((r) => setTimeout(r, ms));
  const b = cpuTimes();
  if (!a || !b || b.total === a.total) return null;
  return Math.round((1 - (b.idle - a.idle) / (b.total - a.total)) * 1000) / 1000;
}
export async function waitQuiet(maxSec, log) {
  let busy = await cpuBusy();
  if (busy == null || maxSec <= 0) return { busy, waitedS: 0 };
  const t0 = Date.now();
  while (busy > 0.25 && (Date.now() - t0) / 1000 < maxSec) {
    log(`   machine busy (${(busy * 100).toFixed(0)}% CPU), waiting…`);
    await new Promise((r) => setTimeout(r, 5000));
    busy = await cpuBusy();
  }
  return { busy, waitedS: Math.round((Date.now() - t0) / 1000) };
}

// ---------------------------------------------------------------- processes
const live = new Set();
/** Kill every child still running (on an error in the caller). */
export function killAll() { for (const c of live) killGroup(c); }
export function killGroup(child, sig = 'SIGKILL') {
  try { process.kill(-child.pid, sig); } catch { /* gone */ }
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => { for (const c of live) killGroup(c); process.exit(130); });
}

export function runOnce(bin, env, timeoutMs, cwd, cgroupProcs = null) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    // In a cgroup: the shell moves itself into it, then becomes the program (same pid, same process group).
    const child = cgroupProcs
      ? spawn('/bin/sh', ['-c', 'echo $$ > "$1" && exec "$0"', bin, cgroupProcs], { env, cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(bin, [], { env, cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    live.add(child);
    const bufs = { stdout: [], stderr: [] }, sizes = { stdout: 0, stderr: 0 };
    for (const k of ['stdout', 'stderr']) {
      child[k].on('data', (d) => {
        if (sizes[k] < MAX_OUTPUT) { bufs[k].push(d); sizes[k] += d.length; }
      });
    }
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; killGroup(child); }, timeoutMs);
    let spawnError = null;
    child.on('error', (e) => { spawnError = String(e); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      killGroup(child); // stray descendants, if any
      live.delete(child);
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      resolve({
        wallMs, exitCode: code, signal: timedOut ? null : signal, timedOut, spawnError,
        stdout: Buffer.concat(bufs.stdout).toString('utf8'), stderr: Buffer.concat(bufs.stderr).toString('utf8'),
      });
    });
  });
}

// The module's `go` line is the release recorded: it sets the language version and the GODEBUG defaults
// (go1.26 building a `go 1.19` module would run with asynctimerchan=1, containermaxprocs=0,
// updatemaxprocs=0, panicnil=1: go1.19's timers and GOMAXPROCS, not go1.26's; internal/godebugs/table.go).
export function buildProgram(goBin, goLine, name, src, build, workRoot) {
  const dir = path.join(workRoot, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'go.mod'), `module conformance\n\n${goLine}\n`);
  fs.copyFileSync(src, path.join(dir, `${name}.go`));
  const bin = path.join(dir, name);
  const env = {
    ...process.env,
    GOFLAGS: process.env.GOFLAGS ?? '-mod=mod',
    GOCACHE: process.env.GOCACHE ?? '/tmp/gocache',
    GOPATH: process.env.GOPATH ?? '/tmp/gopath',
    GO111MODULE: 'on',
    GOTOOLCHAIN: 'local', // never switch to another toolchain
    CGO_ENABLED: build.cgo ? '1' : '0',
  };
  delete env.GOOS; delete env.GOARCH;
  const t0 = Date.now();
  execFileSync(goBin, ['build', '-trimpath', '-o', bin, '.'], { cwd: dir, env, stdio: 'pipe', timeout: BUILD_TIMEOUT_MS });
  return { bin, dir, buildMs: Date.now() - t0 };
}

export function environmentInfo(goBin) {
  const sh = (cmd, args) => { try { return execFileSync(cmd, args, { stdio: 'pipe', timeout: 30000 }).toString().trim(); } catch { return null; } };
  let cpuModel = null;
  try { cpuModel = /model name\s*:\s*(.*)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? null; } catch { /* */ }
  return {
    goVersion: sh(goBin, ['version']),
    goroot: sh(goBin, ['env', 'GOROOT']),
    kernel: sh('uname', ['-r']),
    os: sh('uname', ['-sm']),
    cpuModel: cpuModel ?? os.cpus()[0]?.model ?? null,
    cores: os.availableParallelism ? os.availableParallelism() : os.cpus().length,
    nproc: Number(sh('nproc', [])) || null,
    node: process.version,
    date: new Date().toISOString(),
  };
}

