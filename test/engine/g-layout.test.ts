/**
 * The G's memory layout (issue 14: ≤ 300 B per parked goroutine; bench/scale.ts's parked workload
 * measures it). A parked goroutine holds only the G's own fields: its booleans are bits of one small
 * int, and the fields few goroutines use live in a GExtra that exists only once one of them is
 * written a non-zero value. These are properties of gmpsim's engine, not of Go.
 */
import { describe, expect, it } from 'vitest';
import { G, _Grunnable, _Gwaiting } from '../../src/runtime/runtime2.js';
import { Runtime } from '../../src/runtime/runtime.js';
import { go, s, sync, time, type Go } from '../../src/workload/api.js';
import { Call } from '../../src/workload/call.js';
import { K, type Op } from '../../src/workload/ops.js';

function* waiter(gate: sync.WaitGroup, wg: sync.WaitGroup): Go {
  yield* gate.Wait();
  yield* wg.Done();
}

describe('G layout', () => {
  it('a new G has ten own fields and no GExtra', () => {
    const g = new G(7, 'main.f', 1, null);
    expect(Object.keys(g)).toEqual([
      'goid',
      'state',
      'm',
      'startfn',
      'parentGoid',
      'body',
      'resume',
      'pendingOp',
      'lastExec',
      'extra',
    ]);
    expect(g.extra).toBeNull();
  });

  it('the status and the boolean accessors are independent bits of state', () => {
    const g = new G(7, 'main.f', 1, null);
    g.atomicstatus = _Gwaiting;
    g.preempt = true;
    g.markWorker = true;
    expect([g.preempt, g.system, g.selectDone, g.markWorker]).toEqual([true, false, false, true]);
    g.preempt = false;
    g.system = true;
    g.selectDone = true;
    expect([g.preempt, g.system, g.selectDone, g.markWorker]).toEqual([false, true, true, true]);
    expect(g.atomicstatus).toBe(_Gwaiting);
    g.atomicstatus = _Grunnable;
    expect([g.atomicstatus, g.system, g.markWorker]).toEqual([_Grunnable, true, true]);
    expect(g.extra).toBeNull();
  });

  it("keeps Go's wait reasons as their index in state, any other in GExtra, and the stale reason across reuse", () => {
    const g = new G(7, 'main.f', 1, null);
    expect(g.waitreason).toBe('');
    g.waitreason = 'chan receive';
    g.atomicstatus = _Gwaiting;
    g.preempt = true;
    expect([g.waitreason, g.atomicstatus, g.preempt, g.extra]).toEqual(['chan receive', _Gwaiting, true, null]);
    g.waitreason = 'sync.WaitGroup.Wait';
    expect(g.waitreason).toBe('sync.WaitGroup.Wait');
    g.waitreason = 'a workload reason';
    expect(g.waitreason).toBe('a workload reason');
    expect(g.extra).not.toBeNull();
    g.waitreason = '';
    expect(g.waitreason).toBe('');
    g.waitreason = 'IO wait';
    g.reuse(8, 'main.g', 1, (function* () {})());
    expect([g.waitreason, g.atomicstatus, g.preempt]).toEqual(['IO wait', _Gwaiting, false]);
  });

  it('writing a zero value allocates no GExtra; a non-zero one does, and reuse resets it', () => {
    const g = new G(7, 'main.f', 1, null);
    g.workEnd = 0;
    g.gcAssistBytes = 0;
    g.gcstep = 0;
    g.lockedm = null;
    g.waiting = null;
    g.timer = null;
    expect(g.extra).toBeNull();
    expect([g.workEnd, g.workNs, g.workEvery, g.gcAssistBytes, g.untouchedBytes, g.gcstep]).toEqual([0, 0, 0, 0, 0, 0]);
    g.gcAssistBytes = -4096;
    g.workEnd = 5_000_000_000;
    expect(g.extra).not.toBeNull();
    expect([g.gcAssistBytes, g.workEnd]).toEqual([-4096, 5_000_000_000]);
    g.preempt = true;
    g.atomicstatus = _Gwaiting;
    g.reuse(8, 'main.g', 1, (function* () {})());
    expect([g.workEnd, g.gcAssistBytes, g.preempt, g.goid, g.atomicstatus]).toEqual([0, 0, false, 8, _Gwaiting]);
  });

  it("a goroutine parked in a WaitGroup's semacquire has no GExtra", () => {
    const n = 100;
    const rt = new Runtime({
      gomaxprocs: 2,
      storeLog: false,
      until: s(1),
      main: function* (): Go {
        const gate = new sync.WaitGroup();
        const wg = new sync.WaitGroup();
        yield* gate.Add(1);
        yield* wg.Add(n);
        for (let i = 0; i < n; i++) yield* go(waiter, gate, wg);
        yield* time.Sleep(s(10));
        yield* gate.Done();
        yield* wg.Wait();
      },
    });
    rt.run();
    const parked = rt.allgs.filter((g) => g.startfn === 'main.waiter');
    expect(parked.length).toBe(n);
    for (const g of parked) expect(g.extra).toBeNull();
  });

  it('a Call (three fields) yields its op(s) to yield* and returns the answer to the last', () => {
    const a: Op = { k: K.Gosched };
    const b: Op = { k: K.Gosched };
    expect(Object.keys(new Call(a))).toHaveLength(3);
    function* user(c: Call<number>): Generator<Op, number, unknown> {
      return yield* c;
    }
    const one = user(new Call<number>(a));
    expect(one.next().value).toBe(a);
    expect(one.next(42)).toEqual({ done: true, value: 42 });
    const two = user(new Call<number>(a, b));
    expect(two.next().value).toBe(a);
    expect(two.next(1).value).toBe(b);
    expect(two.next(2)).toEqual({ done: true, value: 2 });
    const closed = user(new Call<number>(a, b));
    expect(closed.next().value).toBe(a);
    expect(closed.return(7)).toEqual({ done: true, value: 7 });
  });
});

describe('WaitGroup.Wait', () => {
  it('hands every waiter the same delegate (nothing per parked waiter), and each waiter returns once', () => {
    const n = 20;
    let resumed = 0;
    const log: number[] = [];
    function* w(gate: sync.WaitGroup, wg: sync.WaitGroup, i: number): Go {
      yield* gate.Wait();
      resumed++;
      log.push(i);
      yield* wg.Done();
    }
    const rt = new Runtime({
      gomaxprocs: 4,
      storeLog: false,
      main: function* (): Go {
        const gate = new sync.WaitGroup();
        const wg = new sync.WaitGroup();
        const other = new sync.WaitGroup();
        yield* other.Add(1);
        expect(other.Wait()).toBe(other.Wait());
        yield* gate.Add(1);
        yield* wg.Add(n);
        for (let i = 0; i < n; i++) yield* go(w, gate, wg, i);
        // A goroutine whose body is the delegate itself, started while the others wait.
        yield* go((g: sync.WaitGroup) => g.Wait(), gate);
        yield* time.Sleep(s(1));
        yield* gate.Done();
        yield* wg.Wait();
        // The WaitGroup is reusable: a second round through the same delegate.
        yield* gate.Add(1);
        yield* wg.Add(1);
        yield* go(w, gate, wg, n);
        yield* time.Sleep(s(1));
        yield* gate.Done();
        yield* wg.Wait();
      },
    });
    const r = rt.run();
    expect(r.exitCode).toBe(0);
    expect(resumed).toBe(n + 1);
    expect([...log].sort((a, b) => a - b)).toEqual(Array.from({ length: n + 1 }, (_, i) => i));
  });
});
