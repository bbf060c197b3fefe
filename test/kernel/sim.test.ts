/**
 * The discrete-event kernel (src/kernel/sim.ts) against its contract, independent of the runtime:
 * - events fire in (time, schedule order) order — the determinism invariant every run relies on;
 * - an event scheduled in the past fires now; lazy cancellation is the target's business (gen);
 * - daemon events alone make the run `quiescent`; `until` and `maxEvents` stop where they say;
 * - `advance` (run-ahead) refuses to jump over a pending event, and counts as a fired event.
 * The property tests drive the queue with random interleavings of schedule and fire (including
 * many equal times, which only the schedule-order tie-break separates) and compare the firing
 * order with a plain sorted-list model — once with a small queue (the heap alone) and once with
 * 600+ pending events and far-future delays, where events wait in time buckets before entering the
 * heap, with run-ahead attempts checked against the model too.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Sim, type EventTarget } from '../../src/kernel/sim.js';

/** A target that records (time, tag, gen) of every firing. */
function recorder(sim: Sim): EventTarget & { fired: [number, number, number][] } {
  const fired: [number, number, number][] = [];
  return {
    fired,
    fire(tag: number, gen: number): void {
      fired.push([sim.now, tag, gen]);
    },
  };
}

describe('Sim', () => {
  // The CLI's watchdog checks sooner when each event runs long in JavaScript (cli/execute.ts): the run
  // loop reads hooks.pollEvery again after every poll. Before, the cadence was fixed at the run's start,
  // and a sort.Slice of 10^6 elements (a few ms of JavaScript per event) reached no check for 5 s and
  // was stopped as a loop that never yields.
  it('a poll may change the polling cadence for the next polls', () => {
    const sim = new Sim();
    const r = recorder(sim);
    for (let i = 0; i < 100; i++) sim.at(i, r, i);
    const polledAt: number[] = [];
    const hooks = {
      pollEvery: 40,
      poll: (): boolean => {
        polledAt.push(sim.fired);
        hooks.pollEvery = 10;
        return false;
      },
    };
    expect(sim.run(Infinity, Infinity, hooks)).toBe('empty');
    expect(polledAt).toEqual([40, 50, 60, 70, 80, 90]);
  });

  it('fires by time, then in schedule order at equal times', () => {
    const sim = new Sim();
    const r = recorder(sim);
    sim.at(50, r, 1);
    sim.at(10, r, 2);
    sim.at(50, r, 3);
    sim.at(10, r, 4);
    sim.at(0, r, 5);
    expect(sim.run()).toBe('empty');
    expect(r.fired.map((f) => f[1])).toEqual([5, 2, 4, 1, 3]);
    expect(r.fired.map((f) => f[0])).toEqual([0, 10, 10, 50, 50]);
    expect(sim.fired).toBe(5);
  });

  it('clamps an event scheduled in the past to now and passes tag and gen through', () => {
    const sim = new Sim();
    const r = recorder(sim);
    const late = {
      fire(): void {
        sim.at(3, r, 7, 42); // "at 3" while now = 100: fires at 100
      },
    };
    sim.at(100, late, 0);
    sim.run();
    expect(r.fired).toEqual([[100, 7, 42]]);
  });

  it('stops when only daemon events remain, at `until`, and after `maxEvents`', () => {
    const sim = new Sim();
    const ticks: number[] = [];
    const daemon = {
      fire(): void {
        ticks.push(sim.now);
        sim.after(10, daemon, 0, 0, true);
      },
    };
    const r = recorder(sim);
    sim.at(0, daemon, 0, 0, true);
    sim.at(25, r, 1);
    expect(sim.run()).toBe('quiescent');
    expect(ticks).toEqual([0, 10, 20]);
    expect(r.fired).toEqual([[25, 1, 0]]);

    sim.after(100, r, 2);
    expect(sim.run(60)).toBe('until');
    expect(sim.now).toBe(60);
    expect(sim.run(Infinity, 2)).toBe('maxEvents');
    expect(sim.livePending).toBe(1);
    expect(sim.run()).toBe('quiescent');
    expect(r.fired.at(-1)).toEqual([125, 2, 0]);
  });

  it('stop() ends the run after the current event', () => {
    const sim = new Sim();
    const stopper = {
      fire(): void {
        sim.stop();
      },
    };
    const r = recorder(sim);
    sim.at(1, stopper, 0);
    sim.at(2, r, 1);
    expect(sim.run()).toBe('stopped');
    expect(r.fired).toEqual([]);
    expect(sim.pending).toBe(1);
  });

  it('advance() runs ahead only when nothing is due first, within the bounds of the run', () => {
    const sim = new Sim();
    const r = recorder(sim);
    const results: boolean[] = [];
    const runner = {
      fire(): void {
        results.push(sim.advance(sim.now + 5)); // nothing until 20: ok → now 15
        results.push(sim.advance(sim.now + 5)); // 20 is due at 20: refused (ties go to the heap)
        results.push(sim.advance(sim.now + 1000)); // would pass `until`: refused
      },
    };
    sim.at(10, runner, 0);
    sim.at(20, r, 1);
    expect(sim.run(500)).toBe('empty');
    expect(results).toEqual([true, false, false]);
    expect(r.fired).toEqual([[20, 1, 0]]);
    expect(sim.fired).toBe(3); // two events and one run-ahead step
  });

  it('fires every event in (time, schedule order) through random schedule/fire interleavings', () => {
    const action = fc.oneof(
      fc.record({ kind: fc.constant('schedule' as const), delay: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 1e6 })) }),
      fc.record({ kind: fc.constant('fire' as const) }),
    );
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 400 }), (actions) => {
        const m = new Modelled();
        for (const a of actions) {
          if (a.kind === 'schedule') m.schedule(a.delay);
          else m.fireOne();
        }
        m.drain();
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('keeps (time, schedule order) with hundreds of pending far-future events (time buckets) and run-ahead', () => {
    // Delays: near (heap), 16 µs – 2 ms (buckets once ≥ 512 are pending), and a few fixed far
    // instants that many events share (equal times inside one bucket and across the heap).
    const delay = fc.oneof(
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: 0, max: 20_000 }),
      fc.integer({ min: 16_000, max: 2_000_000 }),
      fc.constantFrom(16_384, 50_000, 1_000_000),
    );
    const action = fc.oneof(
      { arbitrary: fc.record({ kind: fc.constant('schedule' as const), delay }), weight: 3 },
      { arbitrary: fc.record({ kind: fc.constant('fire' as const) }), weight: 3 },
      { arbitrary: fc.record({ kind: fc.constant('advance' as const), delay }), weight: 1 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 512, max: 900 }), fc.array(action, { minLength: 1, maxLength: 1500 }), (prefill, actions) => {
        const m = new Modelled();
        for (let i = 0; i < prefill; i++) m.schedule((i * 7919) % 1_500_000);
        for (const a of actions) {
          if (a.kind === 'schedule') m.schedule(a.delay);
          else if (a.kind === 'fire') m.fireOne();
          else m.advance(a.delay);
        }
        m.drain();
      }),
      { numRuns: 60, seed: 11 },
    );
  });
});

/**
 * A Sim driven side by side with the model: a plain list of pending (at, seq, id) whose next event
 * is the least (at, seq). Every step checks the Sim against it.
 */
class Modelled {
  readonly sim = new Sim();
  private readonly got: number[] = [];
  private readonly want: number[] = [];
  private readonly model: { at: number; seq: number; id: number }[] = [];
  private seq = 0;
  private id = 0;
  private readonly target = {
    fire: (tag: number): void => {
      this.got.push(tag);
    },
  };

  schedule(delay: number): void {
    const at = this.sim.now + delay;
    this.model.push({ at, seq: this.seq++, id: this.id });
    this.sim.at(at, this.target, this.id++);
    expect(this.sim.pending).toBe(this.model.length);
  }

  fireOne(): void {
    if (this.model.length === 0) return;
    this.model.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const e = this.model.shift()!;
    this.want.push(e.id);
    expect(this.sim.step()).toBe(true);
    expect(this.sim.now).toBe(e.at);
    expect(this.sim.pending).toBe(this.model.length);
  }

  /** Run-ahead succeeds exactly when no pending event is due at or before the target time. */
  advance(delay: number): void {
    const t = this.sim.now + delay;
    const earliest = this.model.reduce((m, e) => Math.min(m, e.at), Infinity);
    expect(this.sim.advance(t)).toBe(earliest > t);
    if (earliest > t) expect(this.sim.now).toBe(t);
  }

  /** Fire the rest; the Sim fired exactly the model's order. */
  drain(): void {
    while (this.model.length > 0) this.fireOne();
    expect(this.sim.step()).toBe(false);
    expect(this.got).toEqual(this.want);
  }
}
