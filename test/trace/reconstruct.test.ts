/**
 * The reconstruction (src/trace/reconstruct.ts) on traces whose program is known: gmpsim's own go1.26
 * traces of workloads written here (views/gotrace.ts), where every step's length comes from the workload
 * itself; and a real go1.26.8 trace (whatif/traces/blocking_syscalls.trace: 16 goroutines × 40
 * nanosleeps, joined by a WaitGroup).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGoTrace } from '../../src/trace/reader.js';
import { reconstruct, replayMain, type Step } from '../../src/trace/reconstruct.js';
import { replayMetrics } from '../../src/trace/whatif.js';
import { traceMetrics } from '../../src/trace/metrics.js';
import { goTraceBytes } from '../../src/views/gotrace.js';
import { run } from '../../src/runtime/runtime.js';
import { summarize } from '../../src/views/summary.js';
import { chan, go as goroutine, recv, send, sync, syscall, time, us, ms, work, runtime, type Go } from '../../src/workload/api.js';

const root = path.resolve(__dirname, '../..');

function replay(bytes: Uint8Array, gomaxprocs: number, scale = {}): { wallNs: number; syscalls: number; exitCode: number } {
  const t = readGoTrace(bytes);
  const rec = reconstruct(t);
  let start = 0;
  const r = run({ main: replayMain(rec, scale, { started: (ns) => (start = ns) }) as never, gomaxprocs, go: '1.26', seed: 1, storeLog: true, until: 60e9 });
  const m = replayMetrics(r.log, start, r.simTime);
  return { wallNs: m.wallNs, syscalls: m.syscalls, exitCode: r.exitCode };
}

describe('steps of a known workload', () => {
  function* worker(c: ReturnType<typeof chan<number>>): Go {
    yield* work(us(100));
    yield* syscall.Syscall(us(300), 'read');
    yield* time.Sleep(ms(2));
    yield* send(c, 1);
  }
  function* main(): Go {
    const c = chan<number>(0);
    yield* goroutine(worker, c);
    yield* recv(c);
    yield* runtime.Gosched();
    yield* runtime.GOMAXPROCS(3);
  }
  const res = run({ main: main as never, gomaxprocs: 2, go: '1.26', seed: 1, storeLog: true });
  const t = readGoTrace(goTraceBytes(res.log));
  const rec = reconstruct(t);
  const kinds = (steps: Step[]): string[] => steps.map((s) => s.k);
  it("the worker: CPU, a 300 µs syscall, a 2 ms sleep, then the send that wakes main", () => {
    const w = [...rec.scripts.values()].find((s) => s.fn === 'main.worker')!;
    expect(w).toBeDefined();
    const ks = kinds(w.steps).filter((k) => k !== 'cpu');
    expect(ks).toEqual(['syscall', 'sleep', 'signal']);
    const sc = w.steps.find((s) => s.k === 'syscall') as { ns: number };
    expect(sc.ns).toBeGreaterThanOrEqual(us(300));
    expect(sc.ns).toBeLessThan(us(300) + us(5));
    const sl = w.steps.find((s) => s.k === 'sleep') as { ns: number };
    expect(sl.ns).toBeGreaterThanOrEqual(ms(2));
    const cpu = w.steps.filter((s) => s.k === 'cpu').reduce((a, s) => a + (s as { ns: number }).ns, 0);
    expect(cpu).toBeGreaterThanOrEqual(us(100));
    expect(cpu).toBeLessThan(us(100) + us(10));
  });
  it('main: creates the worker, waits for its send (a causal edge), yields, calls GOMAXPROCS(3)', () => {
    const m = rec.scripts.get(1)!;
    // gmpsim's trace starts with the process: runtime.main's start-up (its syscalls) comes first.
    const ks = kinds(m.steps).filter((k) => k !== 'cpu' && k !== 'join');
    expect(ks.slice(ks.indexOf('go'))).toEqual(['go', 'wait', 'gosched', 'gomaxprocs']);
    expect((m.steps.find((s) => s.k === 'gomaxprocs') as { n: number }).n).toBe(3);
    expect(rec.gomaxprocs).toBe(2);
    expect(rec.stats.edges).toBe(1);
  });
  it('deterministic: the same trace and options give the same scripts', () => {
    expect(JSON.stringify([...reconstruct(t).scripts])).toBe(JSON.stringify([...rec.scripts]));
  });
});

describe('replaying a known workload (no timers: their wakeups depend on what else sleeps)', () => {
  function* worker(c: ReturnType<typeof chan<number>>, mu: InstanceType<typeof sync.Mutex>): Go {
    yield* work(us(100));
    yield* syscall.Syscall(us(300), 'read');
    yield* mu.Lock();
    yield* work(us(50));
    yield* mu.Unlock();
    yield* send(c, 1);
  }
  function* main(): Go {
    const c = chan<number>(0);
    const mu = new sync.Mutex();
    for (let i = 0; i < 3; i++) yield* goroutine(worker, c, mu);
    for (let i = 0; i < 3; i++) yield* recv(c);
  }
  const res = run({ main: main as never, gomaxprocs: 2, go: '1.26', seed: 1, storeLog: true });
  const bytes = goTraceBytes(res.log);
  // The trace starts at the process's start; the replay's window at its main (after a second start-up).
  const traced = traceMetrics(readGoTrace(bytes)).wallNs;
  it("at the same settings it lasts as long as the run (within the start-up gmpsim's trace includes)", () => {
    const r = replay(bytes, 2);
    expect(r.exitCode).toBe(0);
    expect(r.syscalls).toBe(traceMetrics(readGoTrace(bytes)).syscalls);
    expect(Math.abs(r.wallNs - traced)).toBeLessThan(traced * 0.1);
  });
  it('--scale-syscalls lengthens the syscalls, --scale-cpu the work', () => {
    const base = replay(bytes, 2).wallNs;
    // Three 300 µs syscalls on 2 Ps: ×5 adds at least 1.2 ms on the longest path.
    expect(replay(bytes, 2, { syscalls: 5 }).wallNs).toBeGreaterThan(base + us(1200));
    // 150 µs of CPU per worker, the 50 µs under the lock serialised: ×10 adds at least 1.35 ms.
    expect(replay(bytes, 2, { cpu: 10 }).wallNs).toBeGreaterThan(base + us(1350));
  });
});

describe('a real trace: 16 goroutines × 40 nanosleeps joined by a WaitGroup', () => {
  const bytes = new Uint8Array(fs.readFileSync(path.join(root, 'whatif/traces/blocking_syscalls.trace')));
  const traced = traceMetrics(readGoTrace(bytes));
  it('the trace has 641 syscalls of the program (40 × 16 nanosleeps and a write)', () => {
    expect(traced.syscalls).toBe(641);
  });
  // Before main joined the goroutines that had exited in the trace, main's wait ended at the last
  // Done's wakeup alone: at GOMAXPROCS=1 it came before the others finished and the replay ended early
  // (373 syscalls). Before the replay's window started at its main, gmpsim's start-up syscalls counted.
  for (const gmp of [4, 1]) {
    it(`replayed at GOMAXPROCS=${gmp}, every syscall happens before main returns, and no other`, () => {
      const r = replay(bytes, gmp);
      expect(r.exitCode).toBe(0);
      expect(r.syscalls).toBe(641);
    });
  }
});

describe('a real HTTP server and client on loopback', () => {
  it("network waits that end after another goroutine's write are tied to it", () => {
    const t = readGoTrace(new Uint8Array(fs.readFileSync(path.join(root, 'whatif/traces/http_loopback.trace'))));
    const rec = reconstruct(t);
    // Every request and response crosses loopback: nearly all network waits follow a write in the program.
    expect(rec.stats.netWaits).toBeGreaterThan(1500); // 8 clients × 100 requests, a wait on each side
    expect(rec.stats.loopbackEdges / rec.stats.netWaits).toBeGreaterThan(0.95);
  });
});

describe('the conformance programs\' real go1.26.8 traces replay at their own setting', () => {
  const dir = path.join(root, 'test/trace/fixtures');
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.trace')).sort()) {
    // Sub-millisecond traces (runnext_order10, gomaxprocs_call) differ by gmpsim's own costs of their few
    // operations (a stop-the-world, goroutine creation): tens of µs, so 10 % or 150 µs.
    it(`${f}: exits 0 with every syscall, within 10 % (or 150 µs) of the traced wall time`, () => {
      const bytes = new Uint8Array(fs.readFileSync(path.join(dir, f)));
      const t = readGoTrace(bytes);
      const traced = traceMetrics(t);
      const r = replay(bytes, reconstruct(t).gomaxprocs);
      expect(r.exitCode).toBe(0);
      expect(r.syscalls).toBe(traced.syscalls);
      expect(Math.abs(r.wallNs - traced.wallNs)).toBeLessThanOrEqual(Math.max(traced.wallNs * 0.1, us(150)));
    });
  }
});

describe('how a system call was entered and what it did in the kernel', () => {
  const syscalls = (rec: ReturnType<typeof reconstruct>, fn?: RegExp): { ns: number; block?: true; cpu?: true }[] =>
    [...rec.scripts.values()].filter((s) => fn === undefined || fn.test(s.fn)).flatMap((s) => s.steps.filter((x) => x.k === 'syscall')) as never;
  it('a call entered with entersyscallblock (its own thread stops the P at once) is replayed as one, a plain syscall is not', () => {
    function* main(): Go {
      yield* syscall.Syscall(us(300), 'read');
      yield* syscall.Blocking(ms(2), 'notetsleepg');
      yield* syscall.Syscall(us(300), 'read');
    }
    const res = run({ main: main as never, gomaxprocs: 2, go: '1.26', seed: 1, storeLog: true });
    const rec = reconstruct(readGoTrace(goTraceBytes(res.log)));
    const main1 = syscalls(rec).filter((s) => s.ns >= us(300));
    expect(main1.map((s) => s.block === true)).toEqual([false, true, false]);
  });
  it("in a real trace: only the CPU profile's blocking read (notetsleepg), never a nanosleep, even one entered while the world stopped", () => {
    // blocking_syscalls.trace: g28's nanosleep at 0.44 ms begins during a GC stop-the-world and its
    // thread gives the P up at once (entersyscall_gcwait), which is no entersyscallblock.
    const t = readGoTrace(new Uint8Array(fs.readFileSync(path.join(root, 'whatif/traces/blocking_syscalls.trace'))));
    const rec = reconstruct(t, { keepTracing: true });
    const blocks = [...rec.scripts.values()].filter((s) => s.steps.some((x) => x.k === 'syscall' && x.block === true)).map((s) => s.fn);
    expect(blocks).toEqual(['runtime/pprof.profileWriter']);
    expect(syscalls(rec, /^main\.main\.func1$/).filter((s) => s.block === true)).toEqual([]);
  });
  it("a call on package net's non-blocking sockets is kernel CPU on the CPU clock; a file's read or a nanosleep keeps its length", () => {
    const http = reconstruct(readGoTrace(new Uint8Array(fs.readFileSync(path.join(root, 'whatif/traces/http_loopback.trace')))));
    const cpu = syscalls(http).filter((s) => s.cpu === true);
    // 3230 reads, 1602 writes, setsockopt, connect, accept… of the program on loopback sockets.
    expect(cpu.length).toBeGreaterThan(4800);
    // The 8.1 ms read of the trace (its thread off a core while 4 Ps shared 2 cores) counts what it could have computed.
    expect(Math.max(...cpu.map((s) => s.ns))).toBeLessThan(ms(6));
    const files = reconstruct(readGoTrace(new Uint8Array(fs.readFileSync(path.join(root, 'whatif/traces/file_workers.trace')))));
    expect(syscalls(files).filter((s) => s.cpu === true)).toEqual([]);
    const sleeps = reconstruct(readGoTrace(new Uint8Array(fs.readFileSync(path.join(root, 'whatif/traces/blocking_syscalls.trace')))));
    expect(syscalls(sleeps).filter((s) => s.cpu === true)).toEqual([]);
  });
});

describe("runtime/trace's timers (keepTracing)", () => {
  const real = (n: string) => readGoTrace(new Uint8Array(fs.readFileSync(path.join(root, `whatif/traces/${n}.trace`))));
  const tracerFns = ['runtime.traceStartReadCPU.func1', 'runtime.(*traceAdvancerState).start.func1'];
  it('the CPU sample reader and the generation advancer are kept, each waiting on its runtime timer (100 ms, 1 s) until it fires', () => {
    const t = real('cond_queue');
    expect([...reconstruct(t).scripts.values()].filter((s) => tracerFns.includes(s.fn))).toEqual([]);
    const rec = reconstruct(t, { keepTracing: true });
    const byFn = new Map([...rec.scripts.values()].map((s) => [s.fn, s]));
    // cond_queue.trace: both block in wakeableSleep.sleep 125.0 µs after the trace's first event (g18 at
    // 228.5 µs, g19 at 229.1 µs on the trace's clock, which starts at 103.5 µs) and are still there at its end (8.7 ms).
    const reader = byFn.get(tracerFns[0]!)!.steps.slice(-2);
    expect(reader[1]).toEqual({ k: 'every', ns: 100e6 });
    expect(reader[0]!.k === 'until' && reader[0]!.at - 100e6).toBeGreaterThan(us(124.5));
    expect(reader[0]!.k === 'until' && reader[0]!.at - 100e6).toBeLessThan(us(126));
    const advancer = byFn.get(tracerFns[1]!)!.steps.slice(-2);
    expect(advancer[1]).toEqual({ k: 'every', ns: 1e9 });
    expect(advancer[0]!.k === 'until' && advancer[0]!.at - 1e9).toBeGreaterThan(us(125));
    expect(advancer[0]!.k === 'until' && advancer[0]!.at - 1e9).toBeLessThan(us(126.5));
  });
  it('a timer that fired inside the trace stays a wait until that moment (timer_poller: the reader woken at 100.7 ms)', () => {
    const rec = reconstruct(real('timer_poller'), { keepTracing: true });
    const reader = [...rec.scripts.values()].find((s) => s.fn === tracerFns[0])!;
    const untils = reader.steps.filter((s) => s.k === 'until').map((s) => (s.k === 'until' ? s.at : 0));
    // The traced wake-up: an M leaves netpoll at 100.77 ms on the trace's clock (80.0 µs at its start),
    // takes an idle P and readies g8 at 100.776 ms; its next sleep began at 100.834 ms.
    expect(untils.length).toBe(2);
    expect(untils[0]).toBeGreaterThan(ms(100.69));
    expect(untils[0]).toBeLessThan(ms(100.70));
    expect(untils[1]! - 100e6).toBeGreaterThan(ms(100.8));
    expect(untils[1]! - 100e6).toBeLessThan(ms(100.9));
  });
  it('the rounds end when the trace would have stopped: a replay whose goroutines all block for ever still ends in a deadlock', () => {
    const rec = reconstruct(real('cond_queue'), { keepTracing: true });
    rec.scripts.get(1)!.steps.push({ k: 'park', reason: 'select' });
    const res = run({ main: replayMain(rec) as never, gomaxprocs: 4, go: '1.26', seed: 1, until: 60e9 });
    expect(res.exitCode).toBe(2);
    // within the advancer's next round (1 s after it began sleeping)
    expect(res.simTime).toBeLessThan(1.01e9);
  });
  it("cond_queue at the traced GOMAXPROCS 4: the traced run's 7 threads, 6 without the timers (no M waits in netpoll)", () => {
    // cond_queue.trace: M9077 stops its P at 0.55 ms and is not seen again in 8.7 ms, while new Ms start
    // at 0.86 and 1.02 ms (so it was on no idle list: it waited in netpoll for the timers); 7 threads.
    const rec = reconstruct(real('cond_queue'), { keepTracing: true });
    const peak = (r: typeof rec): number => {
      const res = run({ main: replayMain(r) as never, gomaxprocs: 4, ncpu: 2, go: '1.26', seed: 1, storeLog: true, until: 60e9 });
      return summarize(res.log).threads.peak;
    };
    expect(peak(rec)).toBe(7);
    const scripts = new Map([...rec.scripts].map(([id, s]) => [id, tracerFns.includes(s.fn) ? { ...s, steps: [...s.steps.filter((x) => x.k !== 'until' && x.k !== 'every'), { k: 'park' as const, reason: 'chan receive' }] } : s]));
    expect(peak({ ...rec, scripts })).toBe(6);
  });
});
