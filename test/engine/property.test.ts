/**
 * Property tests: thousands of random workloads mixing every blocking kind (CPU work, channels,
 * select, mutexes, sleeps, syscalls, cgo, raw syscalls, entersyscallblock, network waits, Gosched,
 * LockOSThread, runtime.GOMAXPROCS (stop-the-world + procresize), goroutine creation, heap allocation
 * and runtime.GC(): GC cycles with their stop-the-world phases and mark workers) run with the invariant checker and the replay comparison on,
 * on machines of 1–4 cores, so that the threads wanting CPU (Work ops, CPU-bound syscalls and cgo calls) often
 * outnumber the cores and share them (runtime/os.ts).
 *
 * Properties (issue 2):
 * - the model never violates its invariants and its log replays to the engine's state;
 * - no goroutine is lost: the program either exits 0 with every goroutine finished, or Go's
 *   checkdead reports "all goroutines are asleep - deadlock!" listing exactly the goroutines that
 *   never finished (all parked);
 * - nothing else happens (no hang, no budget stop: every wait in these programs is finite or a
 *   channel/mutex wait that checkdead sees);
 * - the same seed replays byte-identically (output and the whole event log).
 *
 * Each release's profile (src/runtime/version.ts) runs the same properties: the random workloads and
 * the replay test once per release (go1.19 with the original 2000 programs, go1.26 with as many;
 * GMPSIM_PROPERTY_RUNS sets both), the CPU-limit test over both. Only under go1.19 may a run hang
 * (an M left in netpoll, see checkOutcome): since 1.22 netpoll returns its waiter delta
 * (netpollWaiterDelta), so a finished network wait keeps nothing alive and checkdead concludes (real
 * go1.26.8 reports such a deadlock where go1.19.8 hangs: test/engine/version126.test.ts).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runChecked } from '../helpers.js';
import { run, type RunOptions, type RunResult } from '../../src/runtime/runtime.js';
import { defaultRelease, goReleases, profiles, type GoRelease } from '../../src/runtime/version.js';
import { chan, cgo, go, net, onRecv, onSend, println, recv, runtime, select, send, sync, syscall, time, us, work, type Chan, type Go } from '../../src/workload/api.js';

type Action =
  | { k: 'work'; ns: number; calls: boolean }
  | { k: 'sleep'; ns: number }
  | { k: 'syscall'; ns: number; mode: 'syscall' | 'cgo' | 'raw' | 'block'; cpu: boolean }
  | { k: 'net'; ns: number }
  | { k: 'send'; c: number }
  | { k: 'recv'; c: number }
  | { k: 'select'; c1: number; c2: number; dflt: boolean }
  | { k: 'lock'; mu: number; holdNs: number }
  | { k: 'gosched' }
  | { k: 'lockOS' }
  | { k: 'spawn'; script: number }
  | { k: 'gomaxprocs'; n: number }
  | { k: 'alloc'; bytes: number }
  | { k: 'gc' };

interface Program {
  gomaxprocs: number;
  ncpu: number;
  seed: number;
  chanCaps: number[];
  scripts: Action[][];
  /** Goroutines main starts: indices into scripts. */
  start: number[];
}

const dur = fc.integer({ min: 1, max: 3000 }).map((x) => x * 100); // 100 ns – 300 µs
const action = (nChans: number, nScripts: number): fc.Arbitrary<Action> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.record({ k: fc.constant('work' as const), ns: dur, calls: fc.boolean() }) },
    { weight: 2, arbitrary: fc.record({ k: fc.constant('sleep' as const), ns: dur }) },
    {
      weight: 2,
      arbitrary: fc.record({
        k: fc.constant('syscall' as const),
        ns: dur.map((x) => x * 20),
        mode: fc.constantFrom('syscall' as const, 'cgo' as const, 'raw' as const, 'block' as const),
        cpu: fc.boolean(),
      }),
    },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('net' as const), ns: dur.map((x) => x * 10) }) },
    { weight: 3, arbitrary: fc.record({ k: fc.constant('send' as const), c: fc.nat(nChans - 1) }) },
    { weight: 3, arbitrary: fc.record({ k: fc.constant('recv' as const), c: fc.nat(nChans - 1) }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('select' as const), c1: fc.nat(nChans - 1), c2: fc.nat(nChans - 1), dflt: fc.boolean() }) },
    { weight: 2, arbitrary: fc.record({ k: fc.constant('lock' as const), mu: fc.nat(1), holdNs: dur }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('gosched' as const) }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('lockOS' as const) }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('spawn' as const), script: fc.nat(nScripts - 1) }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('gomaxprocs' as const), n: fc.integer({ min: 1, max: 4 }) }) },
    // GC cycles (runtime/mgc.ts): allocations of up to 2 MB reach the 4 MB minimum heap in a few steps;
    // runtime.GC() forces one.
    { weight: 2, arbitrary: fc.record({ k: fc.constant('alloc' as const), bytes: fc.integer({ min: 1, max: 2048 }).map((x) => x * 1024) }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('gc' as const) }) },
  );

const programArb: fc.Arbitrary<Program> = fc
  .record({ nChans: fc.integer({ min: 1, max: 3 }), nScripts: fc.integer({ min: 1, max: 4 }) })
  .chain(({ nChans, nScripts }) =>
    fc.record({
      gomaxprocs: fc.integer({ min: 1, max: 4 }),
      ncpu: fc.integer({ min: 1, max: 4 }),
      seed: fc.nat(1000),
      chanCaps: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: nChans, maxLength: nChans }),
      scripts: fc.array(fc.array(action(nChans, nScripts), { maxLength: 8 }), { minLength: nScripts, maxLength: nScripts }),
      start: fc.array(fc.nat(nScripts - 1), { minLength: 1, maxLength: 6 }),
    }),
  );

interface Outcome {
  opts: RunOptions;
  spawned: number;
  finished: () => number;
}

/** Build the workload: main starts the goroutines and waits for all (including nested spawns). */
function build(p: Program, goRelease: GoRelease = defaultRelease): Outcome {
  let spawned = 0;
  let finished = 0;
  const wg = new sync.WaitGroup();
  const mus = [new sync.Mutex(), new sync.Mutex()];
  let chans: Chan<number>[] = [];
  let depth = 0;
  function* body(script: number, level: number): Go {
    let lockedOS = false;
    for (const a of p.scripts[script]!) {
      switch (a.k) {
        case 'work':
          yield* work(a.ns, a.calls ? { callEvery: us(5) } : {});
          break;
        case 'sleep':
          yield* time.Sleep(a.ns);
          break;
        case 'syscall':
          if (a.mode === 'cgo') yield* cgo.Call(a.ns, 'C.f', { cpu: a.cpu });
          else if (a.mode === 'raw') yield* syscall.RawSyscall(a.ns, 'raw', { cpu: a.cpu });
          else if (a.mode === 'block') yield* syscall.Blocking(a.ns, 'block', { cpu: a.cpu });
          else yield* syscall.Syscall(a.ns, 'syscall', { cpu: a.cpu });
          break;
        case 'net':
          yield* net.Read(a.ns);
          break;
        case 'send':
          yield* send(chans[a.c]!, 1);
          break;
        case 'recv':
          yield* recv(chans[a.c]!);
          break;
        case 'select':
          yield* select([onRecv(chans[a.c1]!), onSend(chans[a.c2]!, 2)], { default: a.dflt });
          break;
        case 'lock':
          yield* mus[a.mu]!.Lock();
          yield* work(a.holdNs);
          yield* mus[a.mu]!.Unlock();
          break;
        case 'gosched':
          yield* runtime.Gosched();
          break;
        case 'lockOS':
          if (!lockedOS) {
            yield* runtime.LockOSThread();
            lockedOS = true;
          }
          break;
        case 'gomaxprocs':
          yield* runtime.GOMAXPROCS(a.n);
          break;
        case 'alloc':
          yield* work(a.bytes / 64, { alloc: a.bytes });
          break;
        case 'gc':
          yield* runtime.GC();
          break;
        case 'spawn':
          if (level < 2 && depth < 20) {
            depth++;
            spawned++;
            yield* wg.Add(1);
            yield* go(body, a.script, level + 1);
          }
          break;
      }
    }
    if (lockedOS) yield* runtime.UnlockOSThread();
    finished++;
    yield* wg.Done();
  }
  const opts: RunOptions = {
    gomaxprocs: p.gomaxprocs,
    ncpu: p.ncpu,
    seed: p.seed,
    go: goRelease,
    maxEvents: 2_000_000,
    main: function* () {
      chans = p.chanCaps.map((c) => chan<number>(c));
      for (const sc of p.start) {
        spawned++;
        yield* wg.Add(1);
        yield* go(body, sc, 0);
      }
      yield* wg.Wait();
      yield* println('done', finished);
    },
  };
  return { opts, spawned: 0, finished: () => finished, get spawnedCount() { return spawned; } } as Outcome & { spawnedCount: number };
}

/** Run a random program with the invariant checker; check that it ends as Go would (see the module note). */
function checkOutcome(p: Program, extra: Partial<RunOptions>): RunResult {
  const o = build(p, extra.go) as Outcome & { spawnedCount: number };
  const r = runChecked({ ...o.opts, ...extra });
  expect(['exit', 'fatal', 'hang']).toContain(r.reason);
  if (r.reason === 'hang') {
    expect(r.runtime.v.netpollWaiterDelta).toBe(false);
    // go1.19 never decrements netpollWaiters when a network wait completes (spec §10): once a
    // goroutine has waited on the network, an M blocks in netpoll forever and checkdead can
    // never conclude. The real program hangs; gmpsim says so. Nothing else may hang.
    expect(r.runtime.netpollWaiters).toBeGreaterThan(0);
    expect(r.runtime.netpoller).not.toBeNull();
    expect(o.finished()).toBeLessThan(o.spawnedCount);
    expect(r.message).toContain('blocked in netpoll');
  } else if (r.reason === 'exit') {
    expect(r.exitCode).toBe(0);
    expect(o.finished()).toBe(o.spawnedCount);
    expect(r.stderr).toBe(`done ${o.spawnedCount}\n`);
  } else {
    expect(r.exitCode).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('fatal error: all goroutines are asleep - deadlock!');
    // Listed: main (waiting on the WaitGroup) and every goroutine that never finished.
    const listed = (r.stderr.match(/^goroutine \d+ \[/gm) ?? []).length;
    expect(listed).toBe(1 + o.spawnedCount - o.finished());
    for (const g of r.runtime.allgs) if (!g.system) expect([4, 6]).toContain(g.atomicstatus);
  }
  return r;
}

describe('property: found counterexamples, kept', () => {
  it('a mark worker stopped by a stop-the-world pays a parked assist: the readied G waits for the world to start (wakep takes no P the STW is stopping; was "fatal error: mwake: woken without a P")', () => {
    const p: Program = {"gomaxprocs":3,"ncpu":1,"seed":710,"chanCaps":[1,1,0],"scripts":[[],[{"k":"send","c":1},{"k":"send","c":0},{"k":"lockOS"},{"k":"syscall","ns":1316000,"mode":"block","cpu":true},{"k":"gc"}],[{"k":"lockOS"},{"k":"net","ns":1370000},{"k":"alloc","bytes":3072},{"k":"gomaxprocs","n":1}]],"start":[2,2,0,1]} as Program;
    checkOutcome(p, { go: '1.19' });
  });

  it('go1.26: a mark worker procresize reserved for a P whose M had not run it yet when the mark ended is given back, not left on the P (was "P1 runs a mark worker (mode 2) outside a mark phase")', () => {
    const p: Program = {"gomaxprocs":1,"ncpu":1,"seed":0,"chanCaps":[0],"scripts":[[{"k":"gomaxprocs","n":2},{"k":"gc"}],[{"k":"syscall","ns":606000,"mode":"raw","cpu":false},{"k":"lock","mu":0,"holdNs":232700},{"k":"syscall","ns":4804000,"mode":"syscall","cpu":true}],[],[]],"start":[0,1]} as Program;
    checkOutcome(p, { go: '1.26' });
  });
});

describe('property: found counterexamples, kept (the sweep)', () => {
  it('go1.26: runtime.GC() twice while a mark is triggered by an allocation (was "fatal error: gcMarkDone: worldsema held while the world runs")', () => {
    const p: Program = {"gomaxprocs":3,"ncpu":2,"seed":0,"chanCaps":[0,0,0],"scripts":[[{"k":"syscall","ns":1132000,"mode":"syscall","cpu":true},{"k":"lock","mu":0,"holdNs":5000}],[],[{"k":"alloc","bytes":988160}],[{"k":"sleep","ns":21300},{"k":"gc"},{"k":"gc"},{"k":"work","ns":111800,"calls":true}]],"start":[3,2,0,3]} as Program;
    checkOutcome(p, { go: '1.26' });
  });
});

describe.each(goReleases.map((r) => [r]))('property: random workloads (Go %s)', (goRelease: GoRelease) => {
  it('keep every invariant, lose no goroutine, and end as Go would (exit 0 or checkdead)', () => {
    let shared = 0;
    let runs = 0;
    fc.assert(
      fc.property(programArb, (p) => {
        const r = checkOutcome(p, { go: goRelease });
        expect(r.runtime.v).toBe(profiles[goRelease]);
        runs++;
        if (r.runtime.os.changes > 0) shared++;
      }),
      { numRuns: Number(process.env.GMPSIM_PROPERTY_RUNS ?? 2000), seed: Number(process.env.GMPSIM_PROPERTY_SEED ?? 20261123) },
    );
    // The OS model is exercised: in a good share of the programs the CPU demand exceeded the cores.
    expect(shared).toBeGreaterThan(runs / 10);
  });

  it('replays byte-identically from the same seed (output and the full event log)', () => {
    fc.assert(
      fc.property(programArb, (p) => {
        const a = run(build(p, goRelease).opts);
        const b = run(build(p, goRelease).opts);
        expect(b.stdout).toBe(a.stdout);
        expect(b.stderr).toBe(a.stderr);
        expect(b.events).toBe(a.events);
        expect(b.log.length).toBe(a.log.length);
        const n = a.log.length;
        expect(Buffer.from(b.log.t.buffer, 0, n * 8).equals(Buffer.from(a.log.t.buffer, 0, n * 8))).toBe(true);
        expect(Buffer.from(b.log.a.buffer, 0, n * 8).equals(Buffer.from(a.log.a.buffer, 0, n * 8))).toBe(true);
        expect(Buffer.from(b.log.k.buffer, 0, n).equals(Buffer.from(a.log.k.buffer, 0, n))).toBe(true);
        expect(Buffer.from(b.log.g.buffer, 0, n * 4).equals(Buffer.from(a.log.g.buffer, 0, n * 4))).toBe(true);
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});

describe('property: random workloads on every release', () => {
  it('hold on every release, under a CPU limit that changes during the run (os.ts, maxprocs.ts)', () => {
    const quotaArb = fc.option(
      fc.array(fc.record({ at: fc.integer({ min: 0, max: 2_000_000 }), cores: fc.integer({ min: 3, max: 40 }).map((x) => x / 10) }), { minLength: 1, maxLength: 3 }),
      { nil: undefined },
    );
    let limited = 0;
    fc.assert(
      fc.property(programArb, fc.constantFrom(...goReleases), quotaArb, fc.boolean(), (p, go, steps, setProcs) => {
        const quota = steps?.map((q) => ({ at: q.at, cores: q.cores })).sort((x, y) => x.at - y.at);
        // Unset GOMAXPROCS half the time, so the release picks it from ncpu and the limit.
        const r = checkOutcome(p, { go, cpuQuota: quota, ...(setProcs ? {} : { gomaxprocs: undefined }) });
        if (quota !== undefined && r.runtime.os.cores < r.runtime.ncpu) limited++;
        expect(r.runtime.v.release).toBe(go);
      }),
      { numRuns: Number(process.env.GMPSIM_PROPERTY_RUNS_VERSIONS ?? 400), seed: 20261206 },
    );
    expect(limited).toBeGreaterThan(20);
  });
});
