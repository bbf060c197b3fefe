/**
 * conformance/programs/urandom_read.go's mechanisms (issue #19 item 6): N goroutines each allocate a
 * 1 MiB buffer and fill it from /dev/urandom. Expected values are real Go's, from
 * conformance/reference/go1.19|go1.26/urandom_read.json (go1.19.8 and go1.26.8 on the 2-vCPU reference VM,
 * 5 runs per variant) and from Linux's scheduler parameters (kernel/sched/fair.c, CONFIG_HZ=250):
 * - go1.19's first GC cycle waits for its new mark workers in notetsleepg, handing its P off; every
 *   goroutine whose 1 MiB allocation finds the trigger reached meanwhile parks in gcStart's
 *   semacquire(&work.startSema) (a goroutine dump of the real program at N=1000 showed ≈300 there),
 *   so a make takes milliseconds (n10_p1 alloc_us 2.7–8.8 ms); go1.26 starts its workers on a channel
 *   and no allocation waits (80 µs);
 * - the read into a fresh buffer takes the page faults of its 256 pages (n1 read_us ≈ 5.2–5.6 ms on
 *   both releases, against io_costs.json's 2.59 ms into a buffer already mapped);
 * - while reads that compute in the kernel outnumber the 2 cores, a woken runtime thread (sysmon, an M
 *   handed a P) waits for a core: EEVDF keeps the running thread on its CPU until it has run its slice
 *   (1.5 ms on 2 CPUs) and only the 4 ms tick notices the slice's end.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileGo } from '../../src/golang/index.js';
import { run } from '../../src/runtime/runtime.js';
import { E } from '../../src/log/events.js';
import { schedTick } from '../../src/runtime/os.js';

const conformance = join(import.meta.dirname, '..', '..', 'conformance');
const source = readFileSync(join(conformance, 'programs', 'urandom_read.go'), 'utf8');

type Release = '1.19' | '1.26';

/** The recorded measure of a variant: median, min and max over the 5 real runs. */
function recorded(release: Release, variant: string, measure: string): { median: number; min: number; max: number } {
  const ref = JSON.parse(readFileSync(join(conformance, 'reference', `go${release}`, 'urandom_read.json'), 'utf8')) as {
    env: { goVersion: string };
    variants: { id: string; measures: Record<string, { median: number; min: number; max: number }> }[];
  };
  expect(ref.env.goVersion).toContain(`go${release}.8`);
  const v = ref.variants.find((x) => x.id === variant);
  if (v === undefined) throw new Error(`no variant ${variant}`);
  return v.measures[measure]!;
}

function simulate(release: Release, n: number, gomaxprocs: number) {
  const r = compileGo([{ name: 'urandom_read.go', text: source }], { go: release, env: { N: String(n) } });
  if (!r.ok) throw new Error(r.errors.map((e) => e.msg).join('\n'));
  const res = run({ main: r.main, linksOS: r.linksOS, gomaxprocs, seed: 1, go: release });
  expect(res.exitCode).toBe(0);
  const m: Record<string, number> = {};
  for (const x of res.stdout.matchAll(/^MEASURE (\w+)=([\d.]+)/gm)) m[x[1]!] = Number(x[2]);
  return { res, m };
}

/** Goroutines that parked in gcStart's semacquire(&work.startSema) during the run. */
function startSemaParks(res: ReturnType<typeof run>): number {
  const L = res.log;
  let n = 0;
  for (let i = 0; i < L.length; i++) if (L.k[i] === E.Park && L.string(L.b[i]!) === 'semacquire') n++;
  return n;
}

describe('urandom_read: allocations that reach the GC trigger while a cycle starts (mgc.go gcStart, work.startSema)', () => {
  it('go1.19: the first cycle waits for its mark workers; the other allocations pile up in semacquire and a make takes milliseconds', () => {
    const { res, m } = simulate('1.19', 10, 1);
    const real = recorded('1.19', 'n10_p1', 'alloc_us');
    // Real: 6139 µs median (2737–8811). Without work.startSema every make took 0.2 ms.
    expect(m.alloc_us!).toBeGreaterThanOrEqual(real.min);
    expect(m.alloc_us!).toBeLessThanOrEqual(real.max);
    // Every goroutine after the one that starts the cycle (the 4th MiB reaches the 4 MB trigger) waits.
    expect(startSemaParks(res)).toBeGreaterThanOrEqual(5);
  });

  it('go1.26: the workers start on a channel, no allocation waits (alloc_us ≈ 80 µs)', () => {
    const { res, m } = simulate('1.26', 10, 1);
    const real = recorded('1.26', 'n10_p1', 'alloc_us');
    expect(m.alloc_us!).toBeLessThanOrEqual(real.max);
    expect(startSemaParks(res)).toBe(0);
  });
});

describe('urandom_read: a fresh 1 MiB buffer faults its pages inside the read that fills it', () => {
  // The cost is go1.19's n1_p1 less io_costs' read into a mapped buffer (runtime/cost.ts
  // bufferFaultNsPerByte); go1.26's n1_p1 is an independent recording of the same read. (At
  // GOMAXPROCS 2–4 real reads take 0.2–0.45 ms more, which the model does not reproduce.)
  for (const release of ['1.19', '1.26'] as const) {
    it(`go${release}: one read of 1 MiB into a new buffer takes what real Go's does (n1_p1 read_us, ±3 %)`, () => {
      const { m } = simulate(release, 1, 1);
      const real = recorded(release, 'n1_p1', 'read_us');
      // Before: 2846 µs (the kernel's ChaCha20 and 0.24 ns/B of faults): half of real Go's 4.9–5.8 ms.
      expect(m.read_us!).toBeGreaterThanOrEqual(real.min * 0.97);
      expect(m.read_us!).toBeLessThanOrEqual(real.max * 1.03);
    });
  }

  it('so reads that all fault their buffers share 2 cores at ≈ 2.6 ms each: phase at N=100 is real go1.19\'s (n100_p4 244–277 ms)', () => {
    // go1.19 grows the heap to ≈ N MiB in one cycle (every buffer is fresh); before, 145 ms.
    const { m } = simulate('1.19', 100, 4);
    const real = recorded('1.19', 'n100_p4', 'phase_ms');
    expect(m.phase_ms!).toBeGreaterThanOrEqual(real.min * 0.97);
    expect(m.phase_ms!).toBeLessThanOrEqual(real.max * 1.03);
  });
});

describe('the OS model: a woken thread waits for a core held by CPU-bound threads (os.ts busyWake)', () => {
  it('no wait while the CPU-bound threads do not outnumber the cores; beyond, 0 or the rest of a 4 ms tick, 1.5/4 of the time', () => {
    const res = run({ main: function* () {}, ncpu: 2, seed: 3 });
    const os = res.runtime.os;
    expect(os.baseSlice).toBe(1_500_000); // 0.75 ms × (1 + ilog2(2)): fair.c's SCHED_TUNABLESCALING_LOG
    os.n = 2;
    expect(os.busyWake()).toBe(0);
    os.n = 3;
    const draws = 20_000;
    let waited = 0;
    let total = 0;
    for (let i = 0; i < draws; i++) {
      const w = os.busyWake();
      if (w > 0) {
        waited++;
        total += w;
        expect(w).toBeGreaterThan(schedTick - os.baseSlice);
        expect(w).toBeLessThanOrEqual(schedTick);
      }
    }
    expect(waited / draws).toBeCloseTo(os.baseSlice / schedTick, 1);
    // The mean wait of those that wait: tick − slice / 2 = 3.25 ms.
    expect(total / waited / 1e6).toBeCloseTo((schedTick - os.baseSlice / 2) / 1e6, 1);
    os.n = 0;
  });

  it('go1.26: goroutines enter read(2) one core wait apart, not one sysmon tick (n10_p1 entry_gap_us)', () => {
    const { m } = simulate('1.26', 10, 1);
    const real = recorded('1.26', 'n10_p1', 'entry_gap_us');
    // Real 2387 µs median (1202–3740); before, 409 µs: sysmon and the handed-off M ran at once.
    expect(m.entry_gap_us!).toBeGreaterThanOrEqual(real.min);
    expect(m.entry_gap_us!).toBeLessThanOrEqual(real.max);
  });
});
