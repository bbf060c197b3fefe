/**
 * Replay's incrementally kept state: counts equal to a recount of its records after every event and
 * after any seek; the global queue (kept with a moving head) equal to one compacted at every read.
 */
import { describe, expect, it } from 'vitest';
import { run, go, work, syscall, net, time, chan, send, recv, runtime, sync, ms, us, E, Loc, type Chan, type Go } from '../../src/index.js';
import { Replay, syscallOldP, type Counts } from '../../src/log/replay.js';
import { MS } from '../../src/log/events.js';
import { _Psyscall } from '../../src/runtime/runtime2.js';

// Everything that moves a counter: threads created by syscalls and exiting (a locked G returns),
// idle and spinning Ms, GOMAXPROCS shrinking (Ps destroyed while idle) and growing, Gs running,
// runnable (hundreds spilled to the global queue), in syscalls, parked on channels, in IO wait and
// asleep, and the runtime's own goroutines (excluded from the G counts).
function* worker(i: number, c: Chan<number>, wg: sync.WaitGroup): Go {
  yield* work(us(20 + (i % 5) * 10));
  if (i % 3 === 0) yield* syscall.Read(3, ms(2));
  else if (i % 3 === 1) yield* net.Read(ms(1));
  else yield* time.Sleep(us(300));
  if (i % 4 === 0) yield* send(c, i);
  else if (i % 4 === 1) yield* recv(c);
  yield* wg.Done();
}
function* locked(wg: sync.WaitGroup): Go {
  yield* runtime.LockOSThread();
  yield* work(us(50));
  yield* wg.Done();
}
function* main(): Go {
  const wg = new sync.WaitGroup();
  const c = chan<number>(0);
  yield* wg.Add(1);
  yield* go(locked, wg);
  for (let i = 0; i < 40; i++) {
    yield* wg.Add(1);
    yield* go(worker, i, c, wg);
  }
  yield* runtime.GOMAXPROCS(2);
  yield* work(us(200));
  yield* runtime.GOMAXPROCS(5);
  for (let i = 0; i < 600; i++) {
    yield* wg.Add(1);
    yield* go(function* (): Go {
      yield* work(us(5));
      yield* wg.Done();
    });
  }
  yield* wg.Wait();
}

const log = run({ main, gomaxprocs: 4 }).log;

describe('Replay counts', () => {
  it('equal a recount of the records after every event; a P and its owner M agree', () => {
    const r = new Replay(log, log.length + 1);
    let sawDeadM = false;
    let sawShrink = false;
    let maxGlobal = 0;
    for (let i = 0; i < log.length; i++) {
      r.step();
      expect(r.counts(), `after event ${i}`).toEqual(r.recount());
      // The web page's activity scan relies on it: a P's owner M holds that P.
      for (const pp of r.ps) if (pp && pp.m >= 0) expect(r.ms[pp.m]?.p, `P${pp.id}'s M after event ${i}`).toBe(pp.id);
      sawDeadM ||= r.ms.some((m) => m?.dead);
      sawShrink ||= r.gomaxprocs === 2;
      maxGlobal = Math.max(maxGlobal, r.counts().runqueue);
    }
    // the workload exercised what it is meant to
    expect(sawDeadM).toBe(true);
    expect(sawShrink).toBe(true);
    expect(maxGlobal).toBeGreaterThan(100);
    const c = r.counts();
    expect([c.running, c.runnable, c.waiting, c.syscall, c.netpoll].reduce((a, b) => a + b)).toBe(1);
  });

  it('are restored with the checkpoints: any seek gives the counts of a forward replay', () => {
    const fwd: Counts[] = [];
    const r = new Replay(log, log.length + 1);
    fwd.push(r.counts());
    for (let i = 0; i < log.length; i++) {
      r.step();
      fwd.push(r.counts());
    }
    const s = new Replay(log, 97);
    let x = 12345;
    for (let k = 0; k < 300; k++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const at = x % (log.length + 1);
      s.seek(at);
      expect(s.counts(), `at ${at}`).toEqual(fwd[at]);
      expect(s.counts()).toEqual(s.recount());
    }
  });

  it('keep the global queue with a moving head: read now and then, it equals one read after every event', () => {
    // main's goroutines overflow P0's queue: thousands wait on the global queue, P1 takes from its
    // head; then GOMAXPROCS=1 destroys P1, whose queued Gs go back to the head (Loc.GlobalHead).
    const big = run({
      main: function* (): Go {
        const wg = new sync.WaitGroup();
        for (let i = 0; i < 3000; i++) {
          yield* wg.Add(1);
          yield* go(function* (): Go {
            yield* work(us(2));
            yield* wg.Done();
          });
        }
        yield* runtime.GOMAXPROCS(1);
        yield* wg.Wait();
      },
      gomaxprocs: 2,
    }).log;
    const every = new Replay(big, big.length + 1);
    const sometimes = new Replay(big, 1000);
    let most = 0;
    let toHead = 0;
    for (let i = 0; i < big.length; i++) {
      every.step();
      sometimes.step();
      const q = every.global;
      most = Math.max(most, q.length);
      expect(sometimes.counts().runqueue).toBe(q.length);
      const last = big.k[i] === E.GLoc && big.a[i] === Loc.GlobalHead && big.k[i + 1] !== E.GLoc;
      if (last) toHead++;
      if (i % 15000 === 0 || last) expect(sometimes.global, `after event ${i}`).toEqual(q);
    }
    expect(most).toBeGreaterThan(2000);
    expect(toHead).toBeGreaterThan(0);
    for (const at of [big.length >> 1, 10, big.length, 3]) {
      sometimes.seek(at);
      every.seek(at);
      expect(sometimes.global).toEqual(every.global);
    }
  });
});

describe('Replay: the M a P in _Psyscall belongs with (m.oldp)', () => {
  // Go 1.19's reentersyscall: pp.m = 0; m.oldp = pp; pp.status = _Psyscall (proc.go). So at every
  // event each P in _Psyscall with no owner has exactly one M blocked in the kernel tied to it, and
  // no M is tied to a P it no longer belongs with (retaken, then left in _Psyscall by another M).
  it('ties each ownerless _Psyscall P to exactly one M in a syscall, after every event', () => {
    const r = new Replay(log, log.length + 1);
    let tied = 0;
    let retakenThenReentered = false;
    for (let i = 0; i < log.length; i++) {
      r.step();
      const byP = new Map<number, number>();
      for (const m of r.ms) {
        if (!m) continue;
        const p = syscallOldP(m, r.ps);
        if (p >= 0) byP.set(p, (byP.get(p) ?? 0) + 1);
        if (m.state === MS.Syscall && m.oldp >= 0 && p < 0 && r.ps[m.oldp]?.status === _Psyscall) retakenThenReentered = true;
      }
      for (const pp of r.ps) {
        if (!pp || pp.dead || pp.status !== _Psyscall || pp.m >= 0) continue;
        expect(byP.get(pp.id), `P${pp.id} in _Psyscall after event ${i}`).toBe(1);
        tied++;
      }
      for (const [p, n] of byP) expect(r.ps[p]!.status, `P${p} with ${n} syscall M(s) after event ${i}`).toBe(_Psyscall);
    }
    expect(tied).toBeGreaterThan(0);
    // the case a stale m.oldp would draw twice happened (urandom-like: retake, then re-enter)
    expect(retakenThenReentered).toBe(true);
  });
});
