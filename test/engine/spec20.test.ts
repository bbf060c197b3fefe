/**
 * The observable behaviours of go1.19 listed in runtime-spec.md §20 (and §21), one test each.
 * Exact where real Go is deterministic; inside real Go's measured ranges where it is not.
 * Every run here has the invariant checker on and the event-log replay compared with the engine
 * after every event (test/helpers.ts).
 */
import { describe, expect, it } from 'vitest';
import { runChecked, schedLines, parseSched, lines, fanOut } from '../helpers.js';
import { run } from '../../src/runtime/runtime.js';
import { E } from '../../src/log/events.js';
import {
  chan,
  debug,
  go,
  ms,
  net,
  onRecv,
  println,
  recv,
  runtime,
  s,
  select,
  send,
  sync,
  syscall,
  time,
  us,
  work,
  cgo,
  close,
  pprof,
} from '../../src/workload/api.js';

/** main starts n goroutines that print their index, then waits for them (GOMAXPROCS=1). */
function spawnOrder(n: number): number[] {
  const r = runChecked({
    gomaxprocs: 1,
    main: function* () {
      const wg = new sync.WaitGroup();
      for (let i = 0; i < n; i++) {
        yield* wg.Add(1);
        yield* go(function* (i: number) {
          yield* println(i);
          yield* wg.Done();
        }, i);
      }
      yield* wg.Wait();
    },
  });
  expect(r.exitCode).toBe(0);
  return lines(r.stderr).map(Number);
}

/**
 * How long main (G1) waited for the P after a goroutine entered its 1 s syscall: from that
 * EnterSyscall event to main's next execute (the retake → handoffp → startm path).
 */
function mainWaitAfterSyscall(r: import('../../src/runtime/runtime.js').RunResult): number {
  let enter = -1;
  for (let i = 0; i < r.log.length; i++) {
    if (enter < 0 && r.log.k[i] === E.EnterSyscall && r.log.b[i] === s(1)) enter = r.log.t[i]!;
    if (enter >= 0 && r.log.k[i] === E.Execute && r.log.g[i] === 1) return r.log.t[i]! - enter;
  }
  throw new Error('main never resumed after the syscall');
}

/** `for { x++ }`: CPU work with no function calls, for an hour (only async preemption stops it). */
function* spin(): Generator<import('../../src/workload/ops.js').Op, void, unknown> {
  yield* work(3600 * s(1));
}

/** Simulated times of every event of kind k in the run's log. */
function eventTimes(r: import('../../src/runtime/runtime.js').RunResult, k: number): number[] {
  const t: number[] = [];
  for (let i = 0; i < r.log.length; i++) if (r.log.k[i] === k) t.push(r.log.t[i]!);
  return t;
}

const range = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, i) => a + i);

describe('spec §20: run queues', () => {
  it('§20.1 runnext LIFO-then-FIFO: 10 goroutines run 9 0 1 … 8 [V]', () => {
    expect(spawnOrder(10)).toEqual([9, ...range(0, 8)]);
  });

  it('§20.2 overflow and 61-tick fairness: the exact 300-goroutine order [V]', () => {
    expect(spawnOrder(300)).toEqual([299, ...range(127, 243), 0, ...range(244, 254), ...range(256, 298), ...range(1, 126), 255]);
  });

  it('§20.17 Gosched round-robin via the global queue: two goroutines strictly alternate', () => {
    const r = runChecked({
      gomaxprocs: 1,
      main: function* () {
        const wg = new sync.WaitGroup();
        for (const name of ['A', 'B']) {
          yield* wg.Add(1);
          yield* go(function* () {
            for (let i = 0; i < 5; i++) {
              yield* println(name);
              yield* runtime.Gosched();
            }
            yield* wg.Done();
          });
        }
        yield* wg.Wait();
      },
    });
    // B was created last and takes runnext, so it prints first; then strict alternation.
    expect(lines(r.stderr).join('')).toBe('BABABABABA');
  });

  it('§2.4 goroutine ids: main=1, runtime Gs 2–4, the finalizer 5, first user goroutine 6 at GOMAXPROCS=1', () => {
    const r = runChecked({
      gomaxprocs: 1,
      main: function* () {
        const id = yield* go(function* () {});
        yield* println(id);
        yield* time.Sleep(ms(1));
      },
    });
    expect(r.stderr.trim()).toBe('6');
    const r2 = runChecked({
      gomaxprocs: 1,
      linksOS: false,
      main: function* () {
        const id = yield* go(function* () {});
        yield* println(id);
      },
    });
    // Without package os there is no finalizer goroutine: the first user goroutine is 5 (spec §2.4).
    expect(r2.stderr.trim()).toBe('5');
  });
});

describe('spec §12: close wakes every waiter', () => {
  it('readied from a gList (a stack), each kicking the last from runnext: 3 2 1 0 [real go1.19.8, GOMAXPROCS=1]', () => {
    // Observed here with Debian's go1.19.8 on the Go twin of this program (prints 3 2 1 0 every run).
    // The spec's §12 prose says "in queue order"; the runtime's gList pops in reverse, as here.
    const r = runChecked({
      gomaxprocs: 1,
      linksOS: false,
      main: function* () {
        const ch = chan<number>();
        const done = chan<boolean>();
        for (let i = 0; i < 4; i++) {
          yield* go(function* (i: number) {
            yield* recv(ch);
            yield* println(i);
            yield* send(done, true);
          }, i);
        }
        yield* time.Sleep(ms(10));
        yield* close(ch);
        for (let i = 0; i < 4; i++) yield* recv(done);
      },
    });
    expect(lines(r.stderr)).toEqual(['3', '2', '1', '0']);
  });
});

describe('spec §20: deadlock detection', () => {
  it('§20.3 deadlock report: exact text, goroutines 1 and 5, exit status 2 [V]', () => {
    const r = runChecked({
      gomaxprocs: 1,
      linksOS: false,
      main: function* () {
        const ch = chan<number>();
        yield* go(function* () {
          yield* select([]);
        });
        yield* recv(ch);
      },
    });
    expect(r.exitCode).toBe(2);
    expect(r.reason).toBe('fatal');
    const l = r.stderr.split('\n');
    expect(l[0]).toBe('fatal error: all goroutines are asleep - deadlock!');
    expect(l[1]).toBe('');
    expect(l[2]).toBe('goroutine 1 [chan receive]:');
    expect(l[3]).toBe('main.main()');
    expect(r.stderr).toContain('\ngoroutine 5 [select (no cases)]:\n');
  });

  it('§18 no goroutines: main called runtime.Goexit', () => {
    const r = runChecked({ gomaxprocs: 1, main: function* () { yield* runtime.Goexit(); } });
    expect(r.exitCode).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('fatal error: no goroutines (main called runtime.Goexit) - deadlock!');
  });

  it('§20.4 a pending timer suppresses the deadlock report until it fires (~300 ms) [V, 1.19]', () => {
    const r = runChecked({
      gomaxprocs: 1,
      main: function* () {
        yield* time.NewTimer(ms(300));
        yield* select([]);
      },
    });
    expect(r.exitCode).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('fatal error: all goroutines are asleep - deadlock!');
    // Real go1.19 exits at ≈307 ms.
    expect(r.simTime).toBeGreaterThanOrEqual(ms(300));
    expect(r.simTime).toBeLessThan(ms(320));
  });

  it('§20.4 AfterFunc counts too; NewTimer(1h) hangs (reported by the budget, not as a deadlock) [V]', () => {
    const r = run({
      gomaxprocs: 1,
      until: s(10),
      main: function* () {
        yield* time.NewTimer(3600 * s(1));
        yield* select([]);
      },
    });
    expect(r.reason).toBe('budget');
    expect(r.stderr).not.toContain('deadlock');
  });

  it('§20.5 a goroutine blocked in a syscall suppresses the report while it lasts', () => {
    const r = runChecked({
      gomaxprocs: 1,
      main: function* () {
        yield* go(function* () {
          yield* syscall.Blocking(s(2), 'signal_recv');
        });
        yield* select([]);
      },
    });
    // While the syscall runs, no deadlock; after it returns the goroutine exits and main is stuck.
    expect(r.exitCode).toBe(2);
    expect(r.simTime).toBeGreaterThanOrEqual(s(2));
    expect(r.stderr.split('\n')[0]).toBe('fatal error: all goroutines are asleep - deadlock!');
  });

  it('§20.21 a server blocked on the network is not a deadlock: the M in netpoll is not idle', () => {
    const r = run({
      gomaxprocs: 1,
      main: function* () {
        yield* go(function* () {
          yield* net.Read(3600 * s(1)); // a connection that never speaks within the run
        });
        yield* select([]);
      },
      until: s(5),
    });
    expect(r.stderr).not.toContain('deadlock');
    expect(r.reason).toBe('budget');
  });
});

describe('spec §20: preemption', () => {
  it('§20.6 async preemption: main sleeping 1 ms behind a busy loop wakes after ≈15–20 ms [V]', () => {
    const r = runChecked({
      gomaxprocs: 1,
      until: s(1),
      main: function* () {
        yield* go(spin);
        const t0 = yield* time.Now();
        yield* time.Sleep(ms(1));
        const t1 = yield* time.Now();
        yield* println(t1 - t0);
      },
    });
    expect(r.exitCode).toBe(0);
    const slept = Number(r.stderr.trim());
    // Real go1.19.8 here: the first such sleep lasts 10.8 ms [10.76–10.96]
    // (conformance/reference/go1.19/preempt_sleep.json); the model's ≈12 ms is a listed mismatch.
    expect(slept).toBeGreaterThanOrEqual(ms(10));
    expect(slept).toBeLessThanOrEqual(ms(21));
  });

  it('§20.6 GODEBUG=asyncpreemptoff=1: main never wakes [V]', () => {
    const r = run({
      gomaxprocs: 1,
      godebug: { asyncpreemptoff: true },
      until: s(2),
      main: function* () {
        yield* go(spin);
        yield* time.Sleep(ms(1));
        yield* println('woke');
      },
    });
    expect(r.reason).toBe('budget');
    expect(r.stderr).not.toContain('woke');
  });

  it('§21.7 a CPU-bound goroutine at GOMAXPROCS=1 is preempted about every 20 ms, to the global queue', () => {
    const r = runChecked({
      gomaxprocs: 1,
      main: function* () {
        yield* go(spin);
        yield* time.Sleep(ms(300));
      },
    });
    const t = eventTimes(r, E.Preempted);
    expect(t.length).toBeGreaterThan(8);
    const gaps = t.slice(2).map((x, i) => x - t[i + 1]!);
    for (const g of gaps) {
      expect(g).toBeGreaterThan(ms(15));
      expect(g).toBeLessThan(ms(25));
    }
  });

  it('§9 cooperative preemption: with asyncpreemptoff a loop with function calls is still preempted at a call', () => {
    const r = run({
      gomaxprocs: 1,
      godebug: { asyncpreemptoff: true },
      until: s(1),
      main: function* () {
        yield* go(function* spin() {
          yield* work(3600 * s(1), { callEvery: us(50) });
        });
        const t0 = yield* time.Now();
        yield* time.Sleep(ms(1));
        yield* println((yield* time.Now()) - t0);
      },
    });
    expect(r.exitCode).toBe(0);
    expect(Number(r.stderr.trim())).toBeLessThan(ms(25));
  });

  it('§20.18 a runnext ping-pong pair shares one time slice (inheritTime: schedtick does not move)', () => {
    const r = runChecked({
      gomaxprocs: 1,
      main: function* () {
        const a = chan<number>();
        const b = chan<number>();
        yield* go(function* () {
          for (;;) {
            const [v] = yield* recv(a);
            yield* send(b, v + 1);
          }
        });
        for (let i = 0; i < 1000; i++) {
          yield* send(a, i);
          yield* recv(b);
        }
      },
    });
    expect(r.exitCode).toBe(0);
    const ticks: number[] = [];
    for (let i = 0; i < r.log.length; i++) if (r.log.k[i] === E.Execute && r.log.a[i] === 1) ticks.push(r.log.b[i]!);
    // Thousands of switches, all inheriting the same time slice.
    expect(ticks.length).toBeGreaterThan(1900);
    expect(new Set(ticks.slice(10)).size).toBe(1);
  });
});

describe('spec §20.18: a runnext ping-pong pair is preempted as one time slice', () => {
  it('sysmon preempts the pair about every 10–20 ms although it switches goroutines constantly', () => {
    const r = runChecked({
      gomaxprocs: 1,
      main: function* () {
        const a = chan<number>();
        const b = chan<number>();
        const wg = new sync.WaitGroup();
        yield* wg.Add(2);
        yield* go(function* ping() {
          for (let i = 0; i < 20000; i++) {
            yield* work(us(1));
            yield* send(a, i);
            yield* recv(b);
          }
          yield* wg.Done();
        });
        yield* go(function* pong() {
          for (let i = 0; i < 20000; i++) {
            const [v] = yield* recv(a);
            yield* work(us(1));
            yield* send(b, v);
          }
          yield* wg.Done();
        });
        yield* wg.Wait();
      },
    });
    expect(r.exitCode).toBe(0);
    const t = eventTimes(r, E.Preempted);
    // (sysmon's ticks vary by tens of µs, cost.slackJitter: with exactly periodic 10.15 ms ticks,
    // ≈ 4129.5 round trips of this pair, every tick would land ≈11 ns later in the same half round
    // trip and, once inside a switch, keep missing for ≈18 ticks in a row.)
    // ≈ 50 ms of exchanges: the pair shares one schedtick (inheritTime), so sysmon sees a 10 ms
    // slice and preempts whichever of the two is running; it goes to the global queue. Never
    // sooner than the 10 ms slice; later when sysmon's tick lands while the M is switching
    // goroutines (the request is lost until the next tick, M.switchingUntil): real go1.19's pair
    // slices were 20–214 ms, median 40 ms (conformance/reference/go1.19/pingpong_slice.json, pair_slice_ms).
    expect(t.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < t.length; i++) {
      expect(t[i]! - t[i - 1]!).toBeGreaterThan(ms(9));
      expect(t[i]! - t[i - 1]!).toBeLessThan(ms(214));
    }
  });
});

describe('spec §9/§20.18: a preemption request that lands during a goroutine switch is lost', () => {
  /**
   * GOMAXPROCS=1: a ping-pong pair doing `userNs` of work per half round trip, and a spinner.
   * Returns the times the pair was preempted (gopreempt of P or Q).
   */
  function pairPreemptions(userNs: number): number[] {
    const pair: number[] = [];
    const r = runChecked({
      gomaxprocs: 1,
      main: function* () {
        const a = chan<number>();
        const b = chan<number>();
        pair.push(
          yield* go(function* () {
            for (;;) {
              const [v] = yield* recv(a);
              if (userNs > 0) yield* work(userNs);
              yield* send(b, v);
            }
          }),
        );
        pair.push(
          yield* go(function* () {
            for (let i = 0; ; i++) {
              if (userNs > 0) yield* work(userNs);
              yield* send(a, i);
              yield* recv(b);
            }
          }),
        );
        yield* go(function* spin() {
          for (;;) yield* work(ms(1));
        });
        yield* time.Sleep(ms(600));
      },
    });
    expect(r.exitCode).toBe(0);
    const t: number[] = [];
    for (let i = 0; i < r.log.length; i++) if (r.log.k[i] === E.Preempted && pair.includes(r.log.g[i]!)) t.push(r.log.t[i]!);
    return t;
  }

  it('a pair that is mostly in user code is preempted at the first request; one that is mostly switching is not', () => {
    // 5 µs of work per half: a request almost always lands in user code and is honoured at the next
    // call, so the pair's slices are one slice check (≈20 ms) and B's ≈20 ms too.
    const busy = pairPreemptions(us(5));
    // Pure channel ping-pong: each half is chanOp (29 ns, user side) + goroutineSwitch (200 ns,
    // the blocking chanrecv → park_m → schedule → execute path, where go1.19 loses the request),
    // so ≈ 7 of 8 requests are lost and sysmon asks again 10 ms later (go1.19: pair slices 20–214 ms,
    // median 40, conformance/reference/go1.19/pingpong_slice.json).
    const pure = pairPreemptions(0);
    const gaps = (t: number[]): number[] => t.slice(1).map((x, i) => x - t[i]!);
    // busy: a cycle is the pair's ≈20 ms slice plus B's ≈20 ms (40.6 ms here); one lost request
    // (a tick landing in one of the 400 ns of switches per 10.4 µs round trip) adds a sysmon tick.
    expect(busy.length).toBeGreaterThanOrEqual(12);
    expect(gaps(busy).filter((g) => g > ms(45)).length).toBeLessThanOrEqual(1);
    // pure: about half as many preemptions, with pair slices of several ticks.
    expect(pure.length).toBeLessThan(busy.length * 0.6);
    expect(Math.max(...gaps(pure))).toBeGreaterThan(ms(60));
    // two 600 ms ping-pong runs with the invariant checker: ≈18 s alone, past the default 60 s when the
    // 2-core machine is shared (it timed out at 62 s in a loaded fresh-clone CI run)
  }, 180_000);
});

describe('spec §20: syscalls and threads', () => {
  it('§20.7 50 goroutines in 1 s syscall.Nanosleep at GOMAXPROCS=2: threads=52, then 50 idle, staying 52 [V]', () => {
    const r = run({
      gomaxprocs: 2,
      godebug: { schedtrace: 100 },
      main: function* () {
        yield* fanOut(50, function* () {
          yield* syscall.Nanosleep(s(1));
        });
        yield* time.Sleep(ms(500));
      },
    });
    const sl = schedLines(r.stderr).map(parseSched);
    const at = (t: number): ReturnType<typeof parseSched> => sl.find((x) => x.ms >= t)!;
    expect(at(300).threads).toBe(52);
    expect(at(1200).threads).toBe(52);
    expect(at(1200).idlethreads).toBe(50);
    expect(sl[sl.length - 1]!.threads).toBe(52);
  });

  it('§20.8 time.Sleep does not multiply threads: ≈ GOMAXPROCS+2', () => {
    const r = runChecked({
      gomaxprocs: 2,
      main: function* () {
        yield* fanOut(50, function* () {
          yield* time.Sleep(s(1));
        });
      },
    });
    expect(r.runtime.sched.mnext).toBeLessThanOrEqual(2 + 3);
  });

  it('§20.7 cgo calls are syscalls: 100 × 1 s C calls at GOMAXPROCS=4 grow ≈103 threads', () => {
    const r = run({
      gomaxprocs: 4,
      main: function* () {
        yield* fanOut(100, function* () {
          yield* cgo.Call(s(1), 'C.sleep', { sleep: true });
        });
      },
    });
    const threads = r.runtime.sched.mnext;
    expect(threads).toBeGreaterThanOrEqual(100);
    expect(threads).toBeLessThanOrEqual(106);
  });

  it('§20.10 thread limit: SetMaxThreads(20) + 30 goroutines in 1 s syscalls → thread exhaustion, exit 2 [V]', () => {
    const r = runChecked({
      gomaxprocs: 2,
      main: function* () {
        yield* debug.SetMaxThreads(20);
        yield* fanOut(30, function* () {
          yield* syscall.Nanosleep(s(1));
        });
      },
    });
    expect(r.exitCode).toBe(2);
    const l = r.stderr.split('\n');
    expect(l[0]).toBe('runtime: program exceeds 20-thread limit');
    expect(l[1]).toBe('fatal error: thread exhaustion');
    expect(r.stderr).toContain('\nruntime stack:\n');
    // The crash comes out of sysmon → retake → handoffp → startm → mReserveID [V].
    const stack = r.stderr.slice(r.stderr.indexOf('runtime stack:'));
    const order = ['runtime.mReserveID', 'runtime.startm', 'runtime.handoffp', 'runtime.retake', 'runtime.sysmon'].map((f) => stack.indexOf(f));
    for (const i of order) expect(i).toBeGreaterThan(0);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('§20.11 startup thread counts at the first SCHED line: 3 (GOMAXPROCS=1), 4 (2), 4–6 (4) [V]', () => {
    const first = (n: number): ReturnType<typeof parseSched> =>
      parseSched(schedLines(runChecked({ gomaxprocs: n, godebug: { schedtrace: 1000 }, main: function* () { yield* time.Sleep(ms(1)); } }).stderr)[0]!);
    const one = first(1);
    expect(one.threads).toBe(3);
    expect(one.idlethreads).toBe(1);
    expect(first(2).threads).toBe(4);
    const four = first(4).threads;
    expect(four).toBeGreaterThanOrEqual(4);
    expect(four).toBeLessThanOrEqual(6);
  });

  it('§20.9 retake latency: a syscall blocking a runnable main is retaken in 50–370 µs while sysmon is fresh [V]', () => {
    const r = runChecked({
      gomaxprocs: 1,
      main: function* () {
        // A first short syscall moves P0's syscalltick off 0: sysmon's first observation of the
        // real one must then be recorded, not compared against its initial 0 (retake's two-observation rule).
        yield* syscall.Syscall(us(1), 'getpid');
        // sysmon is fresh (delay 20 µs) during the first ~3.5 ms of the process.
        yield* go(function* () {
          yield* syscall.Nanosleep(s(1));
        });
        yield* runtime.Gosched(); // main to the global queue, the goroutine enters its syscall
        const t0 = yield* time.Now();
        yield* println('resumed');
        void t0;
      },
    });
    expect(r.exitCode).toBe(0);
    const waited = mainWaitAfterSyscall(r);
    expect(waited).toBeGreaterThanOrEqual(us(50));
    expect(waited).toBeLessThanOrEqual(us(370));
  });

  it('§20.9 retake latency after ≥11 ms of CPU-busy time without retakes: 7–16 ms [V]', () => {
    const r = runChecked({
      gomaxprocs: 1,
      main: function* () {
        yield* syscall.Syscall(us(1), 'getpid');
        // ≥ 11 ms CPU-busy in short slices (no preemption, no retake): sysmon backs off meanwhile.
        for (let i = 0; i < 12; i++) {
          yield* work(ms(1));
          yield* runtime.Gosched();
        }
        yield* go(function* () {
          yield* syscall.Nanosleep(s(1));
        });
        yield* runtime.Gosched();
        yield* println('resumed');
      },
    });
    const waited = mainWaitAfterSyscall(r);
    expect(waited).toBeGreaterThanOrEqual(ms(7));
    expect(waited).toBeLessThanOrEqual(ms(16));
  });

  it('§20.15 a lone long syscall still loses its P (npidle+nmspinning == 0), threads stay 3', () => {
    const r = run({
      gomaxprocs: 1,
      linksOS: false, // else the finalizer goroutine is still queued and handoffp takes case 1
      godebug: { schedtrace: 100, scheddetail: 1 },
      main: function* () {
        yield* syscall.Nanosleep(ms(700));
      },
    });
    const out = r.stderr.split('\n');
    const i = out.findIndex((l) => l.startsWith('SCHED 3'));
    expect(out[i + 1]).toMatch(/^ {2}P0: status=0 /);
    expect(out[i]).toContain(' threads=3 ');
    // The retake happened because nobody was idle or spinning, and started a spinning M (case 4).
    let handoff4 = false;
    for (let k = 0; k < r.log.length; k++) if (r.log.k[k] === E.Handoff && r.log.a[k] === 4) handoff4 = true;
    expect(handoff4).toBe(true);
  });

  it('§20.14/§20.22 scheddetail shows a P in a syscall as status=2 m=-1, its M p=-1 curg=G, the G with a stale reason [V]', () => {
    const r = run({
      gomaxprocs: 2,
      godebug: { schedtrace: 1, scheddetail: 1 },
      main: function* () {
        const c = chan<number>();
        yield* go(function* () {
          yield* send(c, 1);
        });
        yield* recv(c); // main parks once: waitreason "chan receive"
        // < 10 ms with an idle P and an empty queue: sysmon watches it but does not retake it.
        yield* syscall.Nanosleep(ms(5));
      },
    });
    expect(r.stderr).toMatch(/\n {2}G1: status=3\(chan receive\) m=0 lockedm=-1\n/);
    expect(r.stderr).toMatch(/\n {2}P\d: status=2 schedtick=\d+ syscalltick=\d+ m=-1 /);
    expect(r.stderr).toMatch(/\n {2}M0: p=-1 curg=1 /);
  });

  it('§20.16 LockOSThread costs threads: 4 → 9 while five locked goroutines sleep, a drop when they exit [V]', () => {
    // TypeScript twin of conformance/programs/lockosthread_threads.go: the thread count is read with
    // /proc/self/task (three syscalls) and printed with fmt (a write syscall), as there.
    function* threads(): Generator<import('../../src/workload/ops.js').Op, void, unknown> {
      yield* syscall.Syscall(us(3), 'openat');
      yield* syscall.Syscall(us(5), 'getdents64');
      yield* syscall.Syscall(us(1), 'close');
      yield* syscall.Syscall(us(2), 'write');
    }
    const r = run({
      gomaxprocs: 2,
      godebug: { schedtrace: 50 },
      main: function* () {
        yield* threads();
        const wg = new sync.WaitGroup();
        for (let i = 0; i < 5; i++) {
          yield* wg.Add(1);
          yield* go(function* () {
            yield* runtime.LockOSThread();
            yield* time.Sleep(ms(200));
            yield* wg.Done();
          });
        }
        yield* time.Sleep(ms(100));
        yield* threads();
        yield* wg.Wait();
        yield* time.Sleep(ms(100));
        yield* threads();
      },
    });
    const sl = schedLines(r.stderr).map(parseSched);
    expect(sl[0]!.threads).toBe(4);
    // go1.19.8 (recorded here, 6 runs): threads=9 idlethreads=1 at 100 and 150 ms, nmidlelocked=5.
    const during = sl.find((x) => x.ms >= 100)!;
    expect(during.threads).toBe(9);
    expect(during.idlethreads).toBe(1);
    // After the locked goroutines exit, their threads exit (mexit). One of them ran on m0, which
    // wedges instead (nmfreed++ but it stays on allm): go1.19 shows threads=4 (5 of 5 recorded runs
    // at schedtrace=20), more only when an exiting M's handoffp finds no idle M and the template
    // thread clones one (a race of thread wake-ups the model does not reproduce).
    expect(sl[sl.length - 1]!.threads).toBeLessThanOrEqual(5);
  });

  it('§14 m0 cannot exit: a G that exits locked to m0 wedges it — threads= drops, pprof and scheddetail still see M0 [V]', () => {
    // go1.19 mexit on m0: handoffp(releasep()), nmfreed++, checkdead, mPark — m0 stays on allm. In
    // conformance/programs/lockosthread_threads.go one of the five locked goroutines runs on m0:
    // threads=4 at the end while pprof.Lookup("threadcreate").Count() (and /proc/self/task) says 5.
    let before = -1;
    let after = -1;
    const r = runChecked({
      gomaxprocs: 1,
      godebug: { schedtrace: 50, scheddetail: 1 },
      main: function* () {
        // main parks, m0 runs the new G next: it locks m0 and exits locked.
        yield* go(function* () {
          yield* runtime.LockOSThread();
        });
        before = yield* pprof.Lookup('threadcreate').Count(); // the G has not run yet
        yield* time.Sleep(ms(60));
        after = yield* pprof.Lookup('threadcreate').Count();
      },
    });
    expect(r.exitCode).toBe(0);
    const sl = [...r.stderr.matchAll(/^SCHED (\d+)ms: .* threads=(\d+) /gm)].map((m) => ({ ms: +m[1]!, threads: +m[2]! }));
    const last = sl[sl.length - 1]!;
    expect(last.ms).toBeGreaterThanOrEqual(50);
    // go1.19.8, 5 runs of this program (GOMAXPROCS=1, schedtrace=50,scheddetail=1): pprof counts
    // 3 → 4 or 4 → 5 (start-up has 3–4 threads; + the template thread, m0 not subtracted) in 4 runs,
    // 3 → 5 in one (its exit's handoffp cloned an M); threads= is one below pprof's count in all 5,
    // and M0 is listed parked with no P, G or lock.
    expect(before).toBe(3);
    expect(after).toBe(before + 1);
    expect(last.threads).toBe(after - 1);
    expect(r.stderr).toMatch(/\n {2}M0: p=-1 curg=-1 mallocing=0 throwing=0 preemptoff= locks=0 dying=0 spinning=false blocked=true lockedg=-1\n/);
  });
});

describe('spec §20: timers and the netpoller', () => {
  it('§20.12 Sleep granularity: whole-ms epoll timeouts at GOMAXPROCS=1, a thief runs the timer at GOMAXPROCS=2 [V]', () => {
    const avg = (gmp: number, d: number): number => {
      const r = runChecked({
        gomaxprocs: gmp,
        main: function* () {
          let tot = 0;
          for (let i = 0; i < 40; i++) {
            const t0 = yield* time.Now();
            yield* time.Sleep(d);
            tot += (yield* time.Now()) - t0;
          }
          yield* println(tot / 40);
        },
      });
      return Number(r.stderr.trim());
    };
    // Real go1.19.8 on this project's machine (conformance/reference/go1.19/sleep_granularity.json,
    // 2026-12-06: mean per run, median [min–max] over runs): GOMAXPROCS=1 Sleep(10µs) 1.092 ms
    // [1.083–1.103], Sleep(1.5ms) 2.188 ms [2.174–2.197]; GOMAXPROCS=2 Sleep(10µs) 0.70 ms
    // [0.57–0.76]: a woken spinning M sometimes runs the timer itself (the model's share of such
    // catches is lower, 0.87 ms: a pinned conformance mismatch). (The spec's machine: 1.05, 2.17, ≈0.5 ms.)
    const a = avg(1, us(10));
    expect(a).toBeGreaterThanOrEqual(ms(1.083));
    expect(a).toBeLessThanOrEqual(ms(1.103));
    const b = avg(1, us(1500));
    expect(b).toBeGreaterThanOrEqual(ms(2.174));
    expect(b).toBeLessThanOrEqual(ms(2.197));
    const c = avg(2, us(10));
    expect(c).toBeGreaterThanOrEqual(ms(0.57));
    expect(c).toBeLessThan(a * 0.9);
  });

  it('§20.13 schedtrace cadence drifts by one sysmon delay per period: 0, ~1004, ~2014, ~3024 ms [V]', () => {
    const r = run({
      gomaxprocs: 2,
      godebug: { schedtrace: 1000 },
      main: function* () {
        for (let i = 0; i < 35; i++) {
          yield* work(ms(50));
          yield* time.Sleep(ms(50));
        }
      },
    });
    const t = schedLines(r.stderr).map((l) => parseSched(l).ms);
    expect(t[0]).toBe(0);
    expect(t[1]).toBeGreaterThanOrEqual(1000);
    expect(t[1]).toBeLessThanOrEqual(1011);
    expect(t[3]).toBeGreaterThanOrEqual(3000);
    expect(t[3]).toBeLessThanOrEqual(3035);
  });

  it('§20.19 a sleeper wakes in the runnext of the P that ran its timer', () => {
    const r = runChecked({
      gomaxprocs: 1,
      main: function* () {
        yield* time.Sleep(ms(2));
      },
    });
    let ok = false;
    for (let i = 0; i < r.log.length; i++) {
      if (r.log.k[i] === E.TimerRun && r.log.g[i] === 1) {
        // the next event readies G1 into the same P's runnext
        expect(r.log.k[i + 1]).toBe(E.Ready);
        expect(r.log.p[i + 1]).toBe(r.log.p[i]);
        ok = true;
      }
    }
    expect(ok).toBe(true);
  });

  it('§20.20 netpoll fan-out from an M with a P: first G runs there, min(k, m−1) go global with one M started per idle P', () => {
    const r = runChecked({
      gomaxprocs: 4,
      main: function* () {
        yield* fanOut(6, function* () {
          yield* net.Read(ms(5));
        });
      },
    });
    expect(r.exitCode).toBe(0);
    let injected = false;
    for (let i = 0; i < r.log.length; i++) {
      if (r.log.k[i] === E.Inject && r.log.a[i]! >= 2) injected = true;
    }
    expect(injected).toBe(true);
    // The netpoll waits cause no thread growth beyond what the Ps need (§20.8's logic for network I/O).
    expect(r.runtime.sched.mnext).toBeLessThanOrEqual(4 + 3);
  });

  it('§20.23 idle-P hand-out order: with GOMAXPROCS=4 the first woken spinning M takes P1 [V]', () => {
    const r = runChecked({ gomaxprocs: 4, main: function* () { yield* time.Sleep(ms(1)); } });
    for (let i = 0; i < r.log.length; i++) {
      if (r.log.k[i] === E.StartM && r.log.a[i] === 1) {
        expect(r.log.p[i]).toBe(1);
        return;
      }
    }
    throw new Error('no spinning M was started');
  });
});

describe('panics and budgets', () => {
  it('a workload that throws is reported like a Go panic: panic: …, goroutine N [running]:, exit 2', () => {
    const r = runChecked({
      gomaxprocs: 1,
      main: function* () {
        yield* go(function* boom() {
          throw new Error('boom');
        });
        yield* time.Sleep(ms(1));
      },
    });
    expect(r.exitCode).toBe(2);
    expect(r.reason).toBe('panic');
    const l = r.stderr.split('\n');
    expect(l[0]).toBe('panic: boom');
    expect(l[1]).toBe('');
    expect(l[2]).toBe('goroutine 6 [running]:');
    expect(l[3]).toBe('main.boom()');
  });

  it('runtime panics have Go texts: send on a closed channel, close of a closed / nil channel', () => {
    const first = (main: () => Generator<import('../../src/workload/ops.js').Op, void, unknown>): string =>
      runChecked({ gomaxprocs: 1, main }).stderr.split('\n')[0]!;
    expect(first(function* () { const c = chan<number>(1); yield* close(c); yield* send(c, 1); })).toBe('panic: send on closed channel');
    expect(first(function* () { const c = chan<number>(); yield* close(c); yield* close(c); })).toBe('panic: close of closed channel');
    expect(first(function* () { yield* close(null); })).toBe('panic: close of nil channel');
    // A writer blocked on a channel that gets closed panics when it runs again.
    expect(
      first(function* () {
        const c = chan<number>();
        yield* go(function* () { yield* send(c, 1); });
        yield* time.Sleep(ms(1));
        yield* close(c);
        yield* time.Sleep(ms(1));
      }),
    ).toBe('panic: send on closed channel');
  });

  it('a workload that never ends is stopped by the event budget with a clear message', () => {
    const r = run({ gomaxprocs: 1, maxEvents: 10_000, main: function* () { for (;;) yield* runtime.Gosched(); } });
    expect(r.reason).toBe('budget');
    expect(r.exitCode).toBe(124);
    // The budget counts event-log events (RunResult.events, the summary's count); the run stops at
    // the end of the kernel step in which the 10000th was recorded.
    const m = /^gmpsim: stopped after (\d+) events at simulated time .*--max-events budget of 10000/.exec(r.message);
    expect(m, r.message).not.toBeNull();
    expect(Number(m![1])).toBe(r.events);
    expect(r.events).toBeGreaterThanOrEqual(10_000);
    expect(r.events).toBeLessThan(10_100);
  });

  it('select picks uniformly among ready cases with the seeded generator, and replays identically', () => {
    const pick = (seed: number): string => {
      const r = run({
        gomaxprocs: 1,
        seed,
        main: function* () {
          const a = chan<number>(100);
          const b = chan<number>(100);
          let out = '';
          for (let i = 0; i < 100; i++) {
            yield* send(a, i);
            yield* send(b, i);
            const sel = yield* select([onRecv(a), onRecv(b)]);
            out += sel.index;
          }
          yield* println(out);
        },
      });
      return r.stderr.trim();
    };
    const x = pick(7);
    expect(x).toBe(pick(7));
    expect(x).not.toBe(pick(8));
    const ones = [...x].filter((c) => c === '1').length;
    expect(ones).toBeGreaterThan(30);
    expect(ones).toBeLessThan(70);
  });
});


describe('spec §21.5: cgo-linked binaries', () => {
  it('have an extra M (sysmon is M2), a template thread, and never report a deadlock', () => {
    const r = run({
      gomaxprocs: 1,
      linksCgo: true,
      until: s(5),
      godebug: { schedtrace: 1000, scheddetail: 1 },
      main: function* () {
        const ch = chan<number>();
        yield* recv(ch);
      },
    });
    // §21.5: deadlock detection never fires in a cgo-linked binary; the process hangs.
    expect(r.stderr).not.toContain('deadlock');
    expect(r.reason).toBe('hang');
    expect(r.message).toContain('cgo extra M');
    // §8: sysmon is normally M1, M2 with cgo (the extra M is allocated first): it prints with locks=2.
    expect(r.stderr).toMatch(/\n {2}M2: p=-1 curg=-1 mallocing=0 throwing=0 preemptoff= locks=2 /);
  });
});

describe('spec §21.1: schedtrace is not a passive observer', () => {
  /** After 50 ms with every P idle, a goroutine enters a long syscall while main is runnable. */
  function handoffAfterIdle(schedtrace: number): number {
    const r = run({
      gomaxprocs: 1,
      godebug: { schedtrace },
      main: function* () {
        yield* syscall.Syscall(us(1), 'getpid');
        yield* time.Sleep(ms(50)); // all Ps idle: without schedtrace sysmon deep-sleeps
        yield* go(function* () {
          yield* syscall.Nanosleep(s(1));
        });
        yield* runtime.Gosched();
        yield* println('resumed');
      },
    });
    return mainWaitAfterSyscall(r);
  }

  it('without schedtrace, entersyscall wakes a deep-sleeping sysmon: handoff in tens to hundreds of µs', () => {
    const d = handoffAfterIdle(0);
    expect(d).toBeLessThan(us(400));
  });

  it('with schedtrace on, sysmon never deep-sleeps and has backed off: the same handoff takes ms (0–10 ms band)', () => {
    const d = handoffAfterIdle(1000);
    expect(d).toBeGreaterThan(ms(1));
    expect(d).toBeLessThan(ms(21));
  });
});

describe('spec §21.2: fatal errors with schedtrace on', () => {
  it('thread exhaustion under sched.lock hangs go1.19 after its first two lines (conformance/reference/go1.19/thread_limit.json: timeout)', () => {
    const r = run({
      gomaxprocs: 2,
      godebug: { schedtrace: 100 },
      main: function* () {
        yield* debug.SetMaxThreads(20);
        yield* fanOut(30, function* () {
          yield* syscall.Nanosleep(s(1));
        });
      },
    });
    expect(r.reason).toBe('hang');
    expect(r.exitCode).toBe(124);
    const l = r.stderr.split('\n').filter((x) => !x.startsWith('SCHED'));
    expect(l.slice(0, 3)).toEqual(['runtime: program exceeds 20-thread limit', 'fatal error: thread exhaustion', '']);
  });

  it('a deadlock prints a scheddetail dump between the fatal line and the goroutines, the dying M mid-throw [V]', () => {
    const r = run({
      gomaxprocs: 1,
      linksOS: false,
      godebug: { schedtrace: 1000 },
      main: function* () {
        const ch = chan<number>();
        yield* go(function* () {
          yield* select([]);
        });
        yield* recv(ch);
      },
    });
    expect(r.exitCode).toBe(2);
    const l = r.stderr.split('\n');
    const i = l.indexOf('fatal error: all goroutines are asleep - deadlock!');
    expect(l[i + 1]).toMatch(/^SCHED \d+ms: gomaxprocs=1 .* gcwaiting=0 nmidlelocked=0 stopwait=0 sysmonwait=0$/);
    expect(r.stderr).toMatch(/\n {2}M\d+: p=-1 curg=-1 mallocing=1 throwing=1 preemptoff= locks=2 dying=1 /);
    expect(r.stderr).toContain('\n  G5: status=4(select (no cases)) m=-1 lockedm=-1\n\ngoroutine 1 [chan receive]:\n');
  });
});
