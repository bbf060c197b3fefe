/**
 * The sweep (src/runtime/mgc.ts gcSweep, bgsweep, deductSweepCredit, gcUserSweep). Expected values come
 * from Go's runtime sources (go1.19.8 /usr/lib/go-1.19/src/runtime and go1.26.8 $GOROOT/src/runtime:
 * mgc.go gcSweep and GC, mgcsweep.go bgsweep, gcPaceSweeper, deductSweepCredit, proc.go goschedIfBusy)
 * or from the recordings (conformance/reference/go1.{19,26}/sweep_costs.json), never from the code under test.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, type RunResult } from '../../src/runtime/runtime.js';
import { E } from '../../src/log/events.js';
import { runtime, time, work, type Go } from '../../src/workload/api.js';
import { goReleases } from '../../src/runtime/version.js';
import { costsFor } from '../../src/runtime/cost.js';

const MB = 1 << 20;
const root = join(__dirname, '..', '..', 'conformance');

/** A goroutine that allocates `total` bytes in `chunk`-byte steps, with 1 ns of CPU per 64 bytes. */
function* allocate(total: number, chunk = 64 * 1024): Go {
  for (let done = 0; done < total; done += chunk) yield* work(chunk / 64, { alloc: chunk });
}

/** The median of a recorded measure (reference/go<release>/<program>.json, one variant). */
function recorded(release: string, program: string, variant: string, measure: string): number {
  const ref = JSON.parse(readFileSync(join(root, 'reference', `go${release}`, `${program}.json`), 'utf8')) as { variants: { id: string; measures: Record<string, { median: number }> }[] };
  return ref.variants.find((v) => v.id === variant)!.measures[measure]!.median;
}

/** Events of kind k in a stored log. */
function events(r: RunResult, k: number): { a: number; b: number; g: number; p: number; t: number }[] {
  const out: { a: number; b: number; g: number; p: number; t: number }[] = [];
  const l = r.log;
  for (let i = 0; i < l.length; i++) if (l.k[i] === k) out.push({ a: l.a[i]!, b: l.b[i]!, g: l.g[i]!, p: l.p[i]!, t: l.t[i]! });
  return out;
}

describe('cost.sweepSpanNs is sweep_costs.json (conformance/programs/sweep_costs.go)', () => {
  it('go1.19: the concurrent variant\'s sweep_span_ns less its Gosched (gosched_ns), which the model runs itself; go1.26: the gcstoptheworld=2 variant\'s sweep_span_ns', () => {
    const c19 = Math.round(recorded('1.19', 'sweep_costs', 'concurrent', 'sweep_span_ns') - recorded('1.19', 'sweep_costs', 'concurrent', 'gosched_ns'));
    expect(costsFor('1.19').sweepSpanNs).toBe(c19);
    expect(costsFor('1.26').sweepSpanNs).toBe(Math.round(recorded('1.26', 'sweep_costs', 'stw', 'sweep_span_ns')));
  });
});

describe('runtime.GC() sweeps the heap before it returns (mgc.go GC: "Finish sweep N+1 before returning")', () => {
  for (const release of goReleases) {
    it(`go${release}: a runtime.GC() over more dead spans lasts longer by sweep_costs.json's concurrent sweep_span_ns per 8 KiB span (−15 %, +15 % or +25 % on go1.19)`, () => {
      // sweep_costs.go's concurrent variant: GOMAXPROCS=1, GOGC=off, runtime.GC() timed over 32 MB and
      // 256 MB of dead 64-byte objects (one-page spans); the slope per span of the difference.
      const spanNs = (small: number, large: number): number => {
        const times: number[] = [];
        run({
          go: release,
          gomaxprocs: 1,
          gc: { gogc: -1, survival: 0 },
          main: function* () {
            yield* allocate(large);
            yield* runtime.GC(); // the warm-up: faults the pages in
            for (const size of [small, large]) {
              yield* allocate(size);
              const t = yield* time.Now();
              yield* runtime.GC();
              times.push(yield* time.Since(t));
            }
          },
        });
        return (times[1]! - times[0]!) / ((large - small) / 8192);
      };
      const want = recorded(release, 'sweep_costs', 'concurrent', 'sweep_span_ns');
      const got = spanNs(32 * MB, 256 * MB);
      expect(got).toBeGreaterThan(want * 0.85);
      // go1.19's loop yields after every span, and the model's Gosched is a goroutine switch (cost.ts
      // goroutineSwitch, calibrate.go: 86 ns) where the recording's two goroutines yielding to each other
      // take 37.7 ns (sweep_costs.json gosched_ns): go1.19 comes out up to ≈25 % over.
      expect(got).toBeLessThan(want * (release === '1.19' ? 1.25 : 1.15));
    });
  }
});

describe('bgsweep (mgcsweep.go) is readied by gcSweep and sweeps on an idle P', () => {
  for (const release of goReleases) {
    it(`go${release}: gcSweep readies bgsweep into the terminating P's runnext; it sweeps the cycle's spans on a P of its own while main allocates, then parks in "GC sweep wait"`, () => {
      const r = run({
        go: release,
        gomaxprocs: 2,
        storeLog: true,
        gc: { survival: 0.25 },
        main: function* () {
          yield* allocate(24 * MB);
        },
      });
      const sweeps = events(r, E.GCSweep);
      expect(sweeps.length).toBeGreaterThan(0);
      const sweepG = sweeps[0]!.g;
      // ready(sweep.g, 0, true): into the P of the G that ran mark termination, as its runnext.
      const readies = events(r, E.Ready).filter((e) => e.g === sweepG);
      for (const s of sweeps) {
        const ready = readies.find((e) => e.t === s.t);
        expect(ready).toBeDefined();
        expect(ready!.p).toBe(s.p);
      }
      // It ran (not only readied) and swept.
      expect(r.runtime.gc.sweptByBg).toBeGreaterThan(100);
      const g = r.runtime.allgs.find((x) => x.goid === sweepG)!;
      expect(g.waitreason).toBe('GC sweep wait');
    });
  }

  it('go1.19: a Gosched after every span (`for sweepone() != ^uintptr(0) { Gosched() }`); go1.26: goschedIfBusy after 10, which yields only when no P is idle', () => {
    // How often bgsweep was put on a P (execute), against the spans it swept and the cycles that readied it.
    const runs = (release: '1.19' | '1.26', gomaxprocs: number): { executes: number; swept: number; readied: number } => {
      const r = run({ go: release, gomaxprocs, storeLog: true, gc: { survival: 0.25 }, main: () => allocate(24 * MB) });
      const sweeps = events(r, E.GCSweep);
      const sweepG = sweeps[0]!.g;
      return { executes: events(r, E.Execute).filter((e) => e.g === sweepG).length, swept: r.runtime.gc.sweptByBg, readied: sweeps.length };
    };
    const r19 = runs('1.19', 2);
    expect(r19.swept).toBeGreaterThan(100);
    expect(r19.executes).toBeGreaterThanOrEqual(r19.swept);
    // GOMAXPROCS=2: main's P and bgsweep's are both busy (npidle 0), so it yields after every 10 spans.
    const r26 = runs('1.26', 2);
    expect(r26.swept).toBeGreaterThan(100);
    expect(r26.executes).toBeGreaterThanOrEqual(Math.floor(r26.swept / 10));
    expect(r26.executes).toBeLessThan(r26.swept / 10 + 2 * r26.readied);
    // GOMAXPROCS=4: a P is idle most of the time (unless idle mark workers hold them), so it yields far
    // less often than every 10 spans.
    const r26p4 = runs('1.26', 4);
    expect(r26p4.swept).toBeGreaterThan(100);
    expect(r26p4.executes).toBeLessThan(r26p4.swept / 20);
  });
});

describe('the proportional sweep (gcPaceSweeper, deductSweepCredit)', () => {
  for (const release of goReleases) {
    it(`go${release}: at GOMAXPROCS=1 the allocating goroutine sweeps the spans before the next trigger, bgsweep getting the P only when main yields`, () => {
      const r = run({ go: release, gomaxprocs: 1, gc: { survival: 0.25 }, main: () => allocate(48 * MB) });
      expect(r.runtime.gc.numgc).toBeGreaterThan(3);
      // Every cycle's sweep is finished before the next one starts (gcStart's finishing sweep): all
      // but the last cycle's spans are swept, by main.
      expect(r.runtime.gc.sweptByMutator).toBeGreaterThan(10 * r.runtime.gc.sweptByBg);
    });
  }
});


describe('finishsweep_m wakes the scavenger (mgcsweep.go: `scavenger.wake()`, mgcscavenge.go wake: injectglist)', () => {
  for (const release of goReleases) {
    it(`go${release}: every sweep termination puts the parked scavenger on the global run queue (not a P's runnext); with nothing to release it parks again in "GC scavenge wait"`, () => {
      const r = run({ go: release, gomaxprocs: 2, storeLog: true, gc: { survival: 0.25 }, main: () => allocate(24 * MB) });
      const c = r.runtime.gc;
      expect(c.numgc).toBeGreaterThan(3);
      // One wake per cycle started (it is parked again by the next one: a run of a few hundred ns).
      expect(c.scavengerWakes).toBe(c.cycles);
      const g = c.scavengerG!;
      expect(events(r, E.Ready).filter((e) => e.g === g.goid)).toHaveLength(0);
      // Its first run is at start-up (gcenable: `c <- 1`, then park), then one per wake.
      expect(events(r, E.Execute).filter((e) => e.g === g.goid).length).toBe(c.scavengerWakes + 1);
      expect(g.waitreason).toBe('GC scavenge wait');
    });
  }
});
