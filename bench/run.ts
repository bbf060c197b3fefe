/**
 * `npm run bench`: simulation speed on the workloads issue 2 names, median of several runs.
 *
 *   node dist/bench/run.js [--runs N] [--only name,name]   (names match scenario titles; "interpreted" = the Go loop)
 *
 * Each scenario runs with the event log's storage off (listeners only), as the CLI does for long
 * runs; figures are simulated events per second of wall time, wall time, CPU time (steadier than
 * wall time on a shared machine), and the process's peak RSS. Targets (issue 2): ≥ 5M events/s;
 * 1M goroutines in < 3 s and < 2 GiB. Each scenario runs once untimed first (JIT warm-up).
 *
 * Two counts of "events", both printed:
 * - kernel events: events the discrete-event kernel fired plus run-ahead steps (Sim.advance), each
 *   one stretch of an M's work at its own simulated time (an M running its G until it blocks, a
 *   device becoming ready, a sysmon tick). The coarsest unit: one kernel event often covers a
 *   whole schedule → findRunnable → execute → gopark chain.
 * - runtime events: the state changes the event log records (G/M/P transitions, runq moves,
 *   steals, syscalls, netpoll wake-ups… src/log/events.ts), the same granularity as Go's execution
 *   tracer events (GoCreate, GoStart, GoBlock, GoUnblock, ProcStart, GoSysCall…). Counted in one
 *   extra run with a counting listener (the simulation is deterministic, so the count is the timed
 *   runs' count; the kernel event counts are checked to agree), timed with the log off.
 */
import { run, type RunOptions } from '../src/runtime/runtime.js';
import { benchGo } from '../src/golang/bench.js';
import { go, sync, chan, send, recv, syscall, net, ms, type Chan } from '../src/workload/api.js';

/** A scenario is main.main; every one runs with GOMAXPROCS=8, no stored log and no event budget. */
interface Scenario {
  name: string;
  main: () => Generator<import('../src/workload/ops.js').Op, void, unknown>;
}

function scenarioOptions(sc: Scenario): RunOptions {
  return { gomaxprocs: 8, storeLog: false, maxEvents: 1e9, main: sc.main };
}

// Named generator functions: a closure created per `go` gives every generator object its own hidden
// class in V8 (each closure has its own prototype), which costs ≈3× (README, "Tip" under the workload API).
function* done(wg: sync.WaitGroup): Generator<import('../src/workload/ops.js').Op, void, unknown> {
  yield* wg.Done();
}
function* pinger(a: Chan<number>, b: Chan<number>, wg: sync.WaitGroup): Generator<import('../src/workload/ops.js').Op, void, unknown> {
  for (let i = 0; i < 100; i++) {
    yield* send(a, i);
    yield* recv(b);
  }
  yield* wg.Done();
}
function* ponger(a: Chan<number>, b: Chan<number>, wg: sync.WaitGroup): Generator<import('../src/workload/ops.js').Op, void, unknown> {
  for (let i = 0; i < 100; i++) {
    const [v] = yield* recv(a);
    yield* send(b, v);
  }
  yield* wg.Done();
}
function* reader(latency: number, wg: sync.WaitGroup): Generator<import('../src/workload/ops.js').Op, void, unknown> {
  yield* syscall.Syscall(latency, 'read');
  yield* wg.Done();
}
function* netReader(latency: number, wg: sync.WaitGroup): Generator<import('../src/workload/ops.js').Op, void, unknown> {
  yield* net.Read(latency);
  yield* wg.Done();
}

const scenarios: Scenario[] = [
  {
    name: '1M goroutines spawned and exiting (GOMAXPROCS=8)',
    main: function* () {
      const wg = new sync.WaitGroup();
      yield* wg.Add(1_000_000);
      for (let i = 0; i < 1_000_000; i++) yield* go(done, wg);
      yield* wg.Wait();
    },
  },
  {
    name: '10k pairs ping-ponging 100× over unbuffered channels (GOMAXPROCS=8)',
    main: function* () {
      const wg = new sync.WaitGroup();
      for (let p = 0; p < 10_000; p++) {
        const a = chan<number>();
        const b = chan<number>();
        yield* wg.Add(2);
        yield* go(pinger, a, b, wg);
        yield* go(ponger, a, b, wg);
      }
      yield* wg.Wait();
    },
  },
  {
    name: '10k goroutines in 1 ms blocking syscalls (GOMAXPROCS=8)',
    main: function* () {
      const wg = new sync.WaitGroup();
      for (let i = 0; i < 10_000; i++) {
        yield* wg.Add(1);
        yield* go(reader, ms(1), wg);
      }
      yield* wg.Wait();
    },
  },
  {
    name: '100k goroutines waiting on the netpoller (GOMAXPROCS=8)',
    main: function* () {
      const wg = new sync.WaitGroup();
      for (let i = 0; i < 100_000; i++) {
        yield* wg.Add(1);
        yield* go(netReader, ms(1) + (i % 1000) * 1000, wg);
      }
      yield* wg.Wait();
    },
  },
];

function median(xs: number[]): number {
  const a = [...xs].sort((x, y) => x - y);
  return a[Math.floor(a.length / 2)]!;
}

function main(): void {
  const args = process.argv.slice(2);
  const runsArg = args.indexOf('--runs');
  const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : 5;
  const onlyArg = args.indexOf('--only');
  const only = onlyArg >= 0 ? args[onlyArg + 1]!.split(',') : null;
  console.log(`gmpsim benchmarks — median of ${runs} runs (node ${process.version}, ${process.arch})`);
  console.log('kernel events = DES events + run-ahead steps; runtime events = state changes in the event log (see bench/run.ts)');
  console.log('');
  for (const sc of scenarios) {
    if (only && !only.some((o) => sc.name.toLowerCase().includes(o.toLowerCase()))) continue;
    const rates: number[] = [];
    const walls: number[] = [];
    const cpus: number[] = [];
    let events = 0;
    let simTime = 0;
    let peakRss = 0;
    // One untimed run first: V8 compiles the hot paths during it (the small scenarios would
    // otherwise measure the JIT's warm-up more than the simulator).
    run(scenarioOptions(sc));
    for (let i = 0; i < runs; i++) {
      if (global.gc) global.gc();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const r = run(scenarioOptions(sc));
      const wall = (performance.now() - t0) / 1000;
      const c = process.cpuUsage(c0);
      cpus.push((c.user + c.system) / 1e6);
      if (r.exitCode !== 0) throw new Error(`${sc.name}: exit ${r.exitCode} ${r.message} ${r.stderr.slice(0, 300)}`);
      events = r.events;
      simTime = r.simTime;
      rates.push(r.events / wall);
      walls.push(wall);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
    // The runtime events: one more run, with a listener that counts what the log would record.
    let stateChanges = 0;
    const counted = run({ ...scenarioOptions(sc), listeners: [() => void stateChanges++] });
    if (counted.events !== events) throw new Error(`${sc.name}: not deterministic (${counted.events} vs ${events} kernel events)`);
    const wall = median(walls);
    console.log(sc.name);
    console.log(
      `  simulated ${(simTime / 1e6).toFixed(1)} ms  wall ${wall.toFixed(3)} s  CPU ${median(cpus).toFixed(3)} s  peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB`,
    );
    console.log(
      `  kernel events  ${events.toLocaleString('en-US').padStart(11)}  ${(median(rates) / 1e6).toFixed(2)} M/s` +
        `  (${(events / median(cpus) / 1e6).toFixed(2)} M per CPU-s)`,
    );
    console.log(
      `  runtime events ${stateChanges.toLocaleString('en-US').padStart(11)}  ${(stateChanges / wall / 1e6).toFixed(2)} M/s` +
        `  (${(stateChanges / median(cpus) / 1e6).toFixed(2)} M per CPU-s)`,
    );
  }
  // `--only interpreted` selects it; any other --only list leaves it out.
  if (!only || only.some((o) => 'interpreted go'.includes(o.toLowerCase()))) {
    const g = benchGo({ runs });
    console.log('interpreted Go: a loop summing integers (src/golang/bench.ts)');
    console.log(
      `  ${g.iterations.toLocaleString('en-US')} iterations  wall ${(g.wallMs / 1000).toFixed(3)} s  ` +
        `${(g.opsPerSec / 1e6).toFixed(1)} M simple Go operations per second of wall time (target ≥ 20M)`,
    );
  }
}

main();
