/**
 * How a run ends at a budget: the event budget counts what every view counts (event-log events),
 * `until` stops at the same instant whichever hooks are on (one run loop: Sim.run), and a host's
 * watchdog can stop a run without changing the run it stops.
 *
 * These are properties of gmpsim's own contract (README: "--max-events", "--until"; RunResult),
 * not of Go: real Go has no event budget.
 */
import { describe, expect, it } from 'vitest';
import { run, Runtime, type RunOptions } from '../../src/runtime/runtime.js';
import { SummaryAccumulator } from '../../src/views/summary.js';
import { runChecked } from '../helpers.js';
import { go, ms, sync, syscall, time, us, work, chan, send, recv, type Go } from '../../src/workload/api.js';

function* worker(i: number, wg: sync.WaitGroup, out: ReturnType<typeof chan<number>>): Go {
  yield* time.Sleep(ms(i));
  yield* syscall.Read(3, us(300));
  yield* send(out, i * i);
  yield* wg.Done();
}

/** A few goroutines sleeping, reading and sending: a few hundred log events. */
function* small(): Go {
  const wg = new sync.WaitGroup();
  const out = chan<number>(4);
  for (let i = 1; i <= 4; i++) {
    yield* wg.Add(1);
    yield* go(worker, i, wg, out);
  }
  yield* wg.Wait();
  for (let i = 0; i < 4; i++) yield* recv(out);
}

function* spinner(): Go {
  for (;;) yield* work(us(500), { callEvery: us(100) });
}

/** Runs forever: a busy goroutine and a ticking main. */
function* forever(): Go {
  yield* go(spinner);
  for (;;) yield* time.Sleep(ms(1));
}

describe('event budget and event counts', () => {
  it('RunResult.events is the number of events in the log, which the summary counts too', () => {
    const rt = new Runtime({ gomaxprocs: 2, main: small });
    const acc = new SummaryAccumulator(rt.log);
    rt.log.listen(acc.event);
    const r = rt.run();
    expect(r.exitCode).toBe(0);
    expect(r.events).toBe(r.log.length);
    expect(acc.result(r.simTime).events).toBe(r.events);
    // Counted without storage too, when an event budget is set.
    const bare = run({ gomaxprocs: 2, main: small, storeLog: false });
    expect(bare.events).toBe(r.events);
  });

  it('--max-events counts log events: a budget of a third of a run stops it there', () => {
    const full = run({ gomaxprocs: 2, main: small });
    expect(full.exitCode).toBe(0);
    const budget = Math.floor(full.events / 3);
    const r = run({ gomaxprocs: 2, main: small, maxEvents: budget });
    expect(r.exitCode).toBe(124);
    expect(r.reason).toBe('budget');
    expect(r.events).toBeGreaterThanOrEqual(budget);
    // It stops at the end of the kernel step in which the budget ran out: a few events more at most.
    expect(r.events).toBeLessThan(budget + 50);
    expect(r.message).toContain(`stopped after ${r.events} events`);
    // The stored log and the events the run reports agree.
    expect(r.log.length).toBe(r.events);
  });

  it('the budget is the same with the log off, stored, or listened to', () => {
    const opts: RunOptions = { gomaxprocs: 2, main: forever, maxEvents: 5000 };
    const a = run({ ...opts, storeLog: false });
    const b = run({ ...opts, storeLog: true });
    expect(a.events).toBe(b.events);
    expect(a.simTime).toBe(b.simTime);
  });
});

describe('one run loop', () => {
  it('until=1ms stops at exactly 1ms with and without the per-event checks', () => {
    const plain = run({ gomaxprocs: 2, main: forever, until: ms(1) });
    const checked = runChecked({ gomaxprocs: 2, main: forever, until: ms(1) });
    expect(plain.reason).toBe('budget');
    expect(plain.simTime).toBe(1_000_000);
    expect(checked.simTime).toBe(1_000_000);
    expect(checked.events).toBe(plain.events);
    expect(checked.message).toBe(plain.message);
  });

  it('the event budget stops the checked and the plain loop at the same event', () => {
    const plain = run({ gomaxprocs: 2, main: forever, maxEvents: 3000 });
    const checked = runChecked({ gomaxprocs: 2, main: forever, maxEvents: 3000 });
    expect(checked.events).toBe(plain.events);
    expect(checked.simTime).toBe(plain.simTime);
  });
});

describe('watchdog', () => {
  it('a watchdog that lets the run go on does not change it, however often it looks', () => {
    const base = run({ gomaxprocs: 4, main: small, storeLog: true });
    let polls = 0;
    const watched = run({
      gomaxprocs: 4,
      main: small,
      storeLog: true,
      watchdog: {
        every: 7,
        check: () => {
          polls++;
          return null;
        },
      },
    });
    expect(polls).toBeGreaterThan(3);
    expect(watched.events).toBe(base.events);
    expect(watched.simTime).toBe(base.simTime);
    expect(Array.from(watched.log.t.slice(0, watched.log.length))).toEqual(Array.from(base.log.t.slice(0, base.log.length)));
    expect(Array.from(watched.log.k.slice(0, watched.log.length))).toEqual(Array.from(base.log.k.slice(0, base.log.length)));
  });

  it('a run paused by its watchdog (runSome returns null) and continued is the run that was never paused', () => {
    const base = run({ gomaxprocs: 4, main: small, storeLog: true });
    let n = 0;
    const rt = new Runtime({ gomaxprocs: 4, main: small, storeLog: true, watchdog: { every: 5, check: () => null, pause: () => ++n % 3 === 0 } });
    let r = rt.runSome();
    let pauses = 0;
    while (r === null) {
      pauses++;
      r = rt.runSome();
    }
    expect(pauses).toBeGreaterThan(2);
    expect(r.events).toBe(base.events);
    expect(r.simTime).toBe(base.simTime);
    expect(r.stdout).toBe(base.stdout);
    expect(Array.from(r.log.k.slice(0, r.log.length))).toEqual(Array.from(base.log.k.slice(0, base.log.length)));
  });

  it('a watchdog message stops the run with exit status 124 and that message, also inside one long run-ahead', () => {
    let polls = 0;
    const r = run({
      gomaxprocs: 1,
      main: function* () {
        // One goroutine doing many short non-blocking ops runs ahead inside a single kernel event.
        for (;;) yield* work(10);
      },
      maxEvents: Infinity,
      watchdog: { every: 1000, check: () => (++polls === 3 ? 'gmpsim: stopped by the test watchdog' : null) },
    });
    expect(r.exitCode).toBe(124);
    expect(r.reason).toBe('budget');
    expect(r.message).toBe('gmpsim: stopped by the test watchdog');
    expect(r.kernelEvents).toBeGreaterThanOrEqual(3000);
    expect(r.kernelEvents).toBeLessThan(3010);
  });
});
