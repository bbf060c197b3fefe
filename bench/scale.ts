/**
 * `npm run bench:scale`: does the engine's cost per item stay flat as a run grows? (issue 14: linear
 * to 10M goroutines and 4M netpoll waiters). Long (minutes) and memory-hungry: not part of npm test.
 *
 *   node --expose-gc --max-old-space-size=8192 dist/bench/scale.js [--only spawn,parked,netpoll] [--max N]
 *
 * Three workloads, each at growing sizes, each size in a fresh run of this process's engine (event log
 * off, GOMAXPROCS=8, TypeScript workload API):
 * - spawn:   N goroutines started and exiting (wg.Done) — per-item cost of newproc/execute/goexit;
 * - parked:  N goroutines parked at once in wg.Wait, then released together — the cost of holding
 *            and waking many parked goroutines, and the bytes each one holds while parked (heap in
 *            use after a full GC, measured at a stop while all are parked, divided by N);
 * - netpoll: N goroutines waiting on the netpoller (net.Read with latencies spread over 1 ms–1 s),
 *            the 4M-waiter case: timers, netpoll wake-ups and the run queues at scale.
 * Printed per size: CPU seconds and ns of CPU per item (GC included; `node --cpu-prof` separates it),
 * and that cost against the smallest size's: the linearity figure (1.0 = perfectly linear).
 */
import * as v8 from 'node:v8';
import { run, Runtime, type RunOptions } from '../src/runtime/runtime.js';
import { go, sync, net, time, ms, s, type Go } from '../src/workload/api.js';

function* done(wg: sync.WaitGroup): Go {
  yield* wg.Done();
}
function* waiter(gate: sync.WaitGroup, wg: sync.WaitGroup): Go {
  yield* gate.Wait();
  yield* wg.Done();
}
function* netReader(latency: number, wg: sync.WaitGroup): Go {
  yield* net.Read(latency);
  yield* wg.Done();
}

interface Workload {
  name: string;
  sizes: number[];
  main: (n: number) => () => Go;
}

const workloads: Workload[] = [
  {
    name: 'spawn',
    sizes: [100_000, 1_000_000, 3_000_000, 10_000_000],
    main: (n) =>
      function* () {
        const wg = new sync.WaitGroup();
        yield* wg.Add(n);
        for (let i = 0; i < n; i++) yield* go(done, wg);
        yield* wg.Wait();
      },
  },
  {
    name: 'parked',
    sizes: [100_000, 1_000_000, 3_000_000, 10_000_000],
    main: (n) =>
      function* () {
        const gate = new sync.WaitGroup();
        const wg = new sync.WaitGroup();
        yield* gate.Add(1);
        yield* wg.Add(n);
        for (let i = 0; i < n; i++) yield* go(waiter, gate, wg);
        // All are parked in gate.Wait long before this sleep ends (creating 10M goroutines takes a few
        // simulated seconds); parkedBytes stops the run in the middle of it.
        yield* time.Sleep(s(3600));
        yield* gate.Done();
        yield* wg.Wait();
      },
  },
  {
    name: 'netpoll',
    sizes: [100_000, 1_000_000, 4_000_000],
    main: (n) =>
      function* () {
        const wg = new sync.WaitGroup();
        yield* wg.Add(n);
        for (let i = 0; i < n; i++) yield* go(netReader, ms(1) + (i % 1000) * ms(1), wg);
        yield* wg.Wait();
      },
  },
];

function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) {
    g();
    g();
  }
}

/** Bytes per parked goroutine: heap in use at a stop while all N are parked, less the heap before. */
function parkedBytes(w: Workload, n: number): number {
  gc();
  const h0 = process.memoryUsage().heapUsed;
  const rt = new Runtime({ gomaxprocs: 8, storeLog: false, maxEvents: Infinity, until: s(1800), main: w.main(n) });
  rt.run();
  gc();
  const bytes = (process.memoryUsage().heapUsed - h0) / n;
  // rt stays reachable until here.
  if (rt.nUserG < n) throw new Error(`parked: only ${rt.nUserG} of ${n} goroutines alive at the stop`);
  return bytes;
}

function main(): void {
  const args = process.argv.slice(2);
  const onlyArg = args.indexOf('--only');
  const only = onlyArg >= 0 ? args[onlyArg + 1]!.split(',') : null;
  const maxArg = args.indexOf('--max');
  const max = maxArg >= 0 ? Number(args[maxArg + 1]) : Infinity;
  if (!(globalThis as { gc?: unknown }).gc) console.log('(run with --expose-gc for the parked bytes figures)');
  console.log(`gmpsim scaling (node ${process.version}, V8 heap limit ${(v8.getHeapStatistics().heap_size_limit / 2 ** 20).toFixed(0)} MiB); GOMAXPROCS=8, log off`);
  for (const w of workloads) {
    if (only && !only.includes(w.name)) continue;
    console.log(`\n${w.name}`);
    let first = 0;
    for (const n of w.sizes) {
      if (n > max) continue;
      gc();
      const opts: RunOptions = { gomaxprocs: 8, storeLog: false, maxEvents: Infinity, main: w.main(n) };
      const c0 = cpuSeconds();
      const t0 = performance.now();
      let r;
      try {
        r = run(opts);
      } catch (e) {
        console.log(`  N=${n.toLocaleString('en-US')}: failed: ${(e as Error).message}`);
        break;
      }
      const cpu = cpuSeconds() - c0;
      const wall = (performance.now() - t0) / 1000;
      if (r.exitCode !== 0) throw new Error(`${w.name} N=${n}: exit ${r.exitCode} ${r.message}`);
      const per = (cpu / n) * 1e9;
      if (first === 0) first = per;
      const rss = process.memoryUsage().rss / 2 ** 20;
      const extra = w.name === 'parked' ? `  ${parkedBytes(w, n).toFixed(0)} B per parked goroutine` : '';
      console.log(
        `  N=${n.toLocaleString('en-US').padStart(10)}  CPU ${cpu.toFixed(2).padStart(6)} s  wall ${wall.toFixed(2).padStart(6)} s  ` +
          `${per.toFixed(0).padStart(6)} ns/item  (×${(per / first).toFixed(2)} of the smallest)  RSS ${rss.toFixed(0)} MiB${extra}`,
      );
    }
  }
}

main();
