/**
 * The go1.26 execution-trace export (src/views/gotrace.ts), read back by the Go team's own parser:
 * tools/gotrace-read (golang.org/x/exp/trace, the exported copy of go1.26's internal/trace, pinned in
 * its go.sum), built here with go1.26. For every example, a set of Go programs and both version
 * profiles, the parser must accept the trace (its ordering state machine, internal/trace/order.go,
 * rejects any transition Go's runtime could not have written) and what it reads must equal the event
 * log, read through a Replay:
 *  - goroutines: one per GoCreate, with the goroutine's function as its start stack;
 *  - each goroutine's sequence of states (Runnable, Running, Syscall, Waiting, NotExist), where a
 *    system call whose P went idle or to another M while it ran reads Syscall → Runnable → Running,
 *    as go1.26 writes it (GoSyscallEndBlocked: traceruntime.go GoSysExit(lostP); proc.go exitsyscall
 *    also counts a P taken back from another M's syscall as lost);
 *  - system calls: count, which lost their P, durations to within 1 µs (the reader makes event times
 *    strictly increasing, reader.go ReadEvent, so events at one simulated instant move by 1 ns each:
 *    a generation's opening statuses, one per P and live G, can push the next events by ~100 ns);
 *  - threads: the Ms that held a P, plus sysmon's when it retook one;
 *  - P steals: one ProcSteal each time a system call's P is taken by another M; GOMAXPROCS values.
 * Each run is exported twice: with the runtime's 1 s generations and with 200 µs ones (many
 * generations: every P and live G restated at each, as traceAdvance does).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { E, EventLog, Loc, MS } from '../../src/log/events.js';
import { _Pidle, _Prunning, _Psyscall } from '../../src/runtime/runtime2.js';
import { GStatus, Replay } from '../../src/log/replay.js';
import { goTraceBytes, writeGoTrace } from '../../src/views/gotrace.js';
import { run, Runtime, type GoRelease } from '../../src/runtime/runtime.js';
import { compileGo } from '../../src/golang/index.js';
import { ensureBuilt } from '../cli/harness.js';
import { chan, go as goroutine, net, recv, runtime, send, sync, syscall, time, us, ms, work } from '../../src/workload/api.js';

const root = path.resolve(__dirname, '../..');
/** The toolchain that builds the reader: go1.26 (CI's and this machine's /usr/local/go). */
const GO = process.env.GO126 ?? '/usr/local/go/bin/go';

interface Read {
  events: number;
  generations: number;
  goroutines: number;
  states: Record<string, string[]>;
  functions: Record<string, string>;
  syscalls: { g: number; dur: number; blocked: boolean }[];
  threads: number[];
  steals: number;
  handoffs: number;
  blocks: Record<string, number>;
  stops: Record<string, number>;
  gomaxprocs: number[];
  ranges: Record<string, number>;
}

let reader = '';
let dir = '';

function buildReader(): void {
  if (!fs.existsSync(GO)) {
    throw new Error(`go1.26 is needed to read the traces back (${GO} is missing): install it from https://go.dev/dl/ (go1.26.x linux-amd64 into /usr/local/go), or set GO126 to its bin/go`);
  }
  const v = execFileSync(GO, ['version'], { encoding: 'utf8' });
  if (!/go1\.2[6-9]/.test(v)) throw new Error(`${GO} is ${v.trim()}: the reader needs go1.26 or later (the trace format with EvEndOfGeneration)`);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gmpsim-gotrace-'));
  reader = path.join(dir, 'gotrace-read');
  const r = spawnSync(GO, ['build', '-mod=readonly', '-o', reader, '.'], { cwd: path.join(root, 'tools/gotrace-read'), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building tools/gotrace-read failed:\n${r.stderr}`);
}

function read(bytes: Uint8Array, name: string): Read {
  const f = path.join(dir, `${name.replace(/[^\w.-]/g, '_')}.trace`);
  fs.writeFileSync(f, bytes);
  const r = spawnSync(reader, [f], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`the Go parser rejected ${name}'s trace: ${r.stderr}`);
  return JSON.parse(r.stdout) as Read;
}

/** The trace's goroutine states (tracev2 GoState names) for a replayed G. */
function stateName(status: number): string {
  switch (status) {
    case GStatus.Runnable:
      return 'Runnable';
    case GStatus.Running:
      return 'Running';
    case GStatus.Syscall:
      return 'Syscall';
    case GStatus.Waiting:
      return 'Waiting';
    default:
      return 'NotExist';
  }
}

interface Expected {
  goroutines: number;
  states: Record<string, string[]>;
  functions: Record<string, string>;
  syscalls: { g: number; dur: number; blocked: boolean }[];
  threads: number[];
  steals: number;
  gomaxprocs: number[];
  /** Stop-the-worlds (E.STW a=1): runtime.GOMAXPROCS's. */
  stws: number;
  blocks: number;
  /** Running → Runnable, and those after a preemption (E.Preempted). */
  stops: number;
  preempts: number;
}

/** What the trace must say, from the event log alone (through a Replay). */
function expected(log: EventLog): Expected {
  const rp = new Replay(log, Number.MAX_SAFE_INTEGER);
  const states: Record<string, string[]> = {};
  const functions: Record<string, string> = {};
  const syscalls: Expected['syscalls'] = [];
  /** Syscalls under way: when, on which P and M, and whether the P left the call (taken or handed off). */
  const open = new Map<number, { t: number; p: number; m: number; lost: boolean; block: boolean }>();
  /** The last EnterSyscall was entersyscallblock's (mode 2). */
  let block = false;
  const threads = new Set<number>();
  let goroutines = 0;
  let steals = 0;
  let blocks = 0;
  let stops = 0;
  let stws = 0;
  let preempts = 0;
  let preempted = -1;
  const gomaxprocs: number[] = [];
  const push = (g: number, s: string): void => {
    const l = (states[String(g)] ??= []);
    if (l[l.length - 1] !== s) l.push(s);
  };
  for (let i = 0; i < log.length; i++) {
    const k = log.k[i]!;
    const g = log.g[i]!;
    const before = k === E.GLoc ? rp.gs.get(g)?.status : undefined;
    rp.step();
    switch (k) {
      case E.GoCreate:
        goroutines++;
        functions[String(g)] = log.string(log.b[i]!);
        push(g, 'Runnable');
        break;
      case E.GLoc: {
        const gv = rp.gs.get(g)!;
        if (before === GStatus.Running && gv.status === GStatus.Waiting) blocks++;
        if (before === GStatus.Running && gv.status === GStatus.Runnable) {
          stops++;
          if (preempted === g) preempts++;
        }
        if (before === GStatus.Running) preempted = -1;
        if (before === GStatus.Syscall && gv.status !== GStatus.Syscall) {
          const o = open.get(g)!;
          syscalls.push({ g, dur: log.t[i]! - o.t, blocked: o.lost });
          open.delete(g);
          if (o.lost) push(g, 'Runnable');
        }
        if (gv.status === GStatus.Syscall && before !== GStatus.Syscall) open.set(g, { t: log.t[i]!, p: log.p[i]!, m: log.b[i]!, lost: false, block });
        push(g, stateName(gv.status));
        if (gv.status === GStatus.Running) threads.add(log.b[i]!);
        break;
      }
      case E.PState:
        if (log.a[i] === _Prunning && log.m[i]! >= 0) threads.add(log.m[i]!);
        // A call's P that goes idle or to another M is lost to it: it leaves the call without it.
        for (const o of open.values()) {
          if (o.lost || o.p !== log.p[i] || log.a[i] === _Psyscall || (log.a[i] === _Prunning && log.m[i] === o.m)) continue;
          o.lost = true;
          // Taken by another M (sysmon's retake, handoffp, an exitsyscall CASing it): ProcSteal. Given up
          // by the call itself (entersyscallblock hands its P off at once): ProcStop.
          if (!o.block) steals++;
        }
        break;
      case E.Preempted:
        preempted = g;
        break;
      case E.STW:
        if (log.a[i] === 1) stws++;
        break;
      case E.EnterSyscall:
        block = log.a[i] === 2;
        break;
      case E.Retake: {
        const sysmon = rp.ms.find((mv) => mv !== undefined && mv.sys && !mv.dead && mv.state === MS.Sysmon);
        if (sysmon !== undefined) threads.add(sysmon.id);
        break;
      }
      case E.Procs:
        if (gomaxprocs[gomaxprocs.length - 1] !== log.a[i]) gomaxprocs.push(log.a[i]!);
        break;
      default:
        break;
    }
  }
  return { goroutines, states, functions, syscalls, threads: [...threads].sort((a, b) => a - b), steals, gomaxprocs, blocks, stops, preempts, stws };
}

/** Go's traceBlockReasonStrings and traceGoStopReasonStrings (runtime/traceruntime.go, go1.26.8). */
const goBlockReasons = ['unspecified', 'forever', 'network', 'select', 'sync.(*Cond).Wait', 'sync', 'chan send', 'chan receive', 'GC mark assist wait for work', 'GC background sweeper wait', 'system goroutine wait', 'preempted', 'wait for debug call', 'wait until GC ends', 'sleep', 'GC weak to strong wait', 'synctest'];
const goStopReasons = ['unspecified', 'runtime.Gosched', 'preempted'];

/** What the runs checked so far exercised (the last test asserts every case came up). */
const covered = { stws: 0, steals: 0, blocked: 0, kept: 0, preempts: 0, gomaxprocsChanges: 0, generations: 0, blocks: 0 };

function check(log: EventLog, name: string, file: string): void {
  const want = expected(log);
  covered.steals += want.steals;
  covered.blocked += want.syscalls.filter((x) => x.blocked).length;
  covered.kept += want.syscalls.filter((x) => !x.blocked).length;
  covered.preempts += want.preempts;
  covered.stws += want.stws;
  covered.gomaxprocsChanges += want.gomaxprocs.length - 1;
  covered.blocks += want.blocks;
  for (const generationNs of [undefined, 200_000]) {
    const got = read(goTraceBytes(log, { generationNs, file }), `${name}-${generationNs ?? 'default'}`);
    const label = `${name} (generations of ${generationNs ?? 1e9} ns)`;
    expect(got.goroutines, label).toBe(want.goroutines);
    expect(got.functions, label).toEqual(want.functions);
    for (const g of Object.keys(want.states)) expect(got.states[g], `${label} G${g}`).toEqual(want.states[g]);
    expect(got.states, label).toEqual(want.states);
    expect(got.syscalls.length, label).toBe(want.syscalls.length);
    // The parser lists syscalls in trace order; compare per goroutine, in order.
    const byG = (l: { g: number; dur: number; blocked: boolean }[]): Map<number, { dur: number; blocked: boolean }[]> => {
      const m = new Map<number, { dur: number; blocked: boolean }[]>();
      for (const s of l) {
        const x = m.get(s.g) ?? [];
        x.push({ dur: s.dur, blocked: s.blocked });
        m.set(s.g, x);
      }
      return m;
    };
    const gs = byG(got.syscalls);
    for (const [g, ws] of byG(want.syscalls)) {
      const xs = gs.get(g) ?? [];
      expect(xs.map((x) => x.blocked), `${label} G${g}`).toEqual(ws.map((w) => w.blocked));
      for (let j = 0; j < ws.length; j++) expect(Math.abs(xs[j]!.dur - ws[j]!.dur), `${label} G${g} syscall ${j}`).toBeLessThanOrEqual(1000);
    }
    expect(got.threads, label).toEqual(want.threads);
    expect(got.steals, label).toBe(want.steals);
    expect(got.gomaxprocs, label).toEqual(want.gomaxprocs);
    expect(got.ranges['stop-the-world (GOMAXPROCS)'] ?? 0, label).toBe(want.stws);
    let nblocks = 0;
    for (const [r, c] of Object.entries(got.blocks)) {
      expect(goBlockReasons, label).toContain(r);
      nblocks += c;
    }
    expect(nblocks, label).toBe(want.blocks);
    for (const r of Object.keys(got.stops)) expect(goStopReasons, label).toContain(r);
    expect(Object.values(got.stops).reduce((a, b) => a + b, 0), label).toBe(want.stops);
    expect(got.stops['preempted'] ?? 0, label).toBe(want.preempts);
    if (generationNs !== undefined) {
      // A generation starts at the first event 200 µs or more after the last one started.
      const span = log.length > 0 ? log.t[log.length - 1]! - log.t[0]! : 0;
      if (span >= 2 * generationNs) expect(got.generations, label).toBeGreaterThan(2);
      covered.generations = Math.max(covered.generations, got.generations);
    }
  }
}

const releases: GoRelease[] = ['1.19', '1.26'];

describe('go tool trace export, read back by go1.26\'s trace parser', () => {
  // The examples are loaded as the CLI loads them (bundled against the built engine).
  ensureBuilt();
  beforeAll(buildReader, 120_000);

  const examples = fs.readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.ts')).sort();
  for (const ex of examples) {
    it(`examples/${ex}`, async () => {
      const file = path.join(root, 'examples', ex);
      const { loadWorkload } = (await import(path.join(root, 'dist/cli/load.js'))) as typeof import('../../cli/load.js');
      const { resolveSettings } = (await import(path.join(root, 'dist/cli/settings.js'))) as typeof import('../../cli/settings.js');
      const loaded = await loadWorkload(file, []);
      for (const go of releases) {
        const inst = await loaded.instantiate();
        const settings = resolveSettings(file, {}, {}, inst, []);
        const rt = new inst.Runtime({ main: inst.main, gomaxprocs: settings.gomaxprocs, ncpu: settings.ncpu, seed: settings.seed, godebug: settings.godebug, linksOS: settings.linksOS, linksCgo: settings.linksCgo, storeLog: true, file, go } as ConstructorParameters<typeof Runtime>[0]);
        const r = rt.run();
        check(r.log, `${ex}@${go}`, `examples/${ex}`);
      }
    });
  }

  const programs = ['channels', 'pingpong', 'mutex_counter', 'select_loop', 'cgo_usleep', 'pipe_io', 'net_echo', 'file_read', 'gosched_order', 'rwmutex', 'cond_signal', 'deadlock_wg'];
  for (const name of programs) {
    it(`gotests/${name}.go`, () => {
      const src = fs.readFileSync(path.join(root, 'gotests', `${name}.go`), 'utf8');
      const c = compileGo([{ name: 'main.go', text: src }]);
      if (!c.ok) throw new Error(`${name}.go does not compile`);
      const env = Object.fromEntries([...src.matchAll(/^\/\/ gmpsim: (.*)$/gm)].flatMap((m) => m[1]!.split(/\s+/).map((kv) => kv.split('=') as [string, string])));
      for (const go of releases) {
        const r = run({ main: c.main, linksOS: c.linksOS, linksCgo: c.linksCgo, ncpu: 2, gomaxprocs: env.GOMAXPROCS ? Number(env.GOMAXPROCS) : 2, seed: 1, storeLog: true, until: 2e9, go });
        check(r.log, `${name}.go@${go}`, `${name}.go`);
      }
    });
  }

  it('a log whose P stays _Prunning through a syscall (go1.26\'s reentersyscall) and is taken by sysmon, then by an exiting M', () => {
    // Hand-written, so the exporter is checked on the 1.26 syscall model whatever the engine emits today.
    const log = new EventLog();
    const clock = { now: 0 };
    log.clock = clock;
    const at = (t: number, k: number, g: number, m: number, p: number, a: number, b: number): void => {
      clock.now = t;
      log.ev(k as never, g, m, p, a, b);
    };
    const fn = (s: string): number => log.str(s);
    const sysmon = 1;
    at(0, E.MCreate, -1, 0, -1, 0, 0);
    at(0, E.PState, -1, 0, 0, _Prunning, 0);
    at(0, E.Procs, -1, 0, 0, 2, 0);
    at(0, E.PState, -1, -1, 1, _Pidle, 1);
    at(0, E.GoCreate, 1, -1, 0, -1, fn('main.main'));
    at(0, E.GLoc, 1, -1, 0, Loc.Runnext, 0);
    at(0, E.GLoc, 1, 0, 0, Loc.None, 0);
    at(0, E.GLoc, 1, 0, 0, Loc.Running, 0);
    at(100, E.MCreate, -1, sysmon, -1, 1, 0);
    at(200, E.GoCreate, 2, -1, 0, 1, fn('main.worker'));
    at(200, E.GLoc, 2, -1, 0, Loc.Runnext, 0);
    // g1 enters a syscall on m0 and keeps P0 (_Prunning, wired).
    at(300, E.EnterSyscall, 1, 0, 0, 0, 50_000);
    at(300, E.GLoc, 1, 0, 0, Loc.Syscall, 0);
    // sysmon retakes P0 (setBlockOnExitSyscall + takeP) and hands it to a new M, m2, which runs g2.
    at(20_000, E.MState, -1, sysmon, -1, MS.Sysmon, 0);
    at(20_000, E.PState, -1, -1, 0, _Pidle, 0);
    at(20_000, E.Retake, 1, 0, 0, 1, 19_700);
    at(20_000, E.MCreate, -1, 2, 0, 0, 0);
    at(30_000, E.PState, -1, 2, 0, _Prunning, 0);
    at(30_000, E.GLoc, 2, 2, 0, Loc.None, 0);
    at(30_000, E.GLoc, 2, 2, 0, Loc.Running, 2);
    // g2 enters a syscall on m2, keeping P0; g1's exitsyscall takes its old P back from it.
    at(31_000, E.EnterSyscall, 2, 2, 0, 0, 100_000);
    at(31_000, E.GLoc, 2, 2, 0, Loc.Syscall, 2);
    at(50_300, E.PState, -1, -1, 0, _Pidle, 0);
    at(50_300, E.PState, -1, 0, 0, _Prunning, 0);
    at(50_300, E.ExitSyscall, 1, 0, 0, 1, 0);
    at(50_300, E.GLoc, 1, 0, 0, Loc.Running, 0);
    // g2's call ends without a P: to the global queue (exitsyscallNoP); g1 exits; g2 runs on m0.
    at(131_000, E.ExitSyscall, 2, 2, -1, 4, 0);
    at(131_000, E.GLoc, 2, -1, -1, Loc.Global, 0);
    at(140_000, E.GLoc, 1, 0, 0, Loc.Dead, 0);
    at(140_000, E.GLoc, 2, 0, 0, Loc.Running, 0);
    at(150_000, E.GLoc, 2, 0, 0, Loc.Dead, 0);
    check(log, 'synthetic-1.26-syscall', 'synthetic.go');
    const got = read(goTraceBytes(log), 'synthetic-counts');
    expect(got.steals).toBe(2); // sysmon from m0, then m0 from m2
    expect(got.syscalls.map((x) => x.blocked)).toEqual([true, true]);
    expect(got.threads).toEqual([0, 1, 2]);
  });

  it('GOMAXPROCS shrinks and grows (Ps destroyed while held, new Ps stated before their first start), with syscalls and IO waits', () => {
    for (const go of releases) {
      const r = run({
        gomaxprocs: 4,
        seed: 3,
        go,
        storeLog: true,
        main: function* () {
          const wg = new sync.WaitGroup();
          const c = chan<number>();
          for (let i = 0; i < 8; i++) {
            yield* wg.Add(1);
            yield* goroutine(function* () {
              yield* syscall.Read(3, ms(2));
              yield* net.Read(us(300));
              yield* work(us(50));
              yield* send(c, i);
              yield* wg.Done();
            });
          }
          yield* recv(c);
          yield* runtime.GOMAXPROCS(1);
          for (let i = 1; i < 8; i++) yield* recv(c);
          yield* runtime.GOMAXPROCS(3);
          yield* wg.Wait();
          yield* time.Sleep(ms(1));
        },
      });
      expect(r.exitCode).toBe(0);
      check(r.log, `gomaxprocs@${go}`, 'gomaxprocs.ts');
    }
  });

  it('the runs above covered steals, blocked and fast syscall exits, preemptions, GOMAXPROCS changes, many generations', () => {
    for (const [k, v] of Object.entries(covered)) expect(v, k).toBeGreaterThan(k === 'generations' ? 100 : 0);
  });

  it('streams: the chunks add up to the whole, and the same run gives the same bytes', () => {
    const src = fs.readFileSync(path.join(root, 'gotests', 'pingpong.go'), 'utf8');
    const c = compileGo([{ name: 'main.go', text: src }]);
    if (!c.ok) throw new Error('pingpong.go does not compile');
    const once = (): EventLog => run({ main: c.main, ncpu: 2, gomaxprocs: 2, seed: 1, storeLog: true }).log;
    const chunks: Uint8Array[] = [];
    const stats = writeGoTrace(once(), (b) => chunks.push(b), { generationNs: 100_000 });
    const whole = goTraceBytes(once(), { generationNs: 100_000 });
    expect(Buffer.concat(chunks).equals(Buffer.from(whole))).toBe(true);
    expect(stats.bytes).toBe(whole.length);
    expect(chunks.length).toBeGreaterThan(stats.generations);
    // The file starts with go1.26's header.
    expect(Buffer.from(whole.subarray(0, 16)).toString('latin1')).toBe('go 1.26 trace\x00\x00\x00');
  });
});
