/**
 * conformance/programs/urandom_read.go's mechanisms (issue #19 item 6): N goroutines each allocate a
 * 1 MiB buffer and fill it from /dev/urandom. Expected values are real Go's, from
 * conformance/reference/go1.19|go1.26/urandom_read.json (go1.19.8 and go1.26.8 on the 2-vCPU reference VM,
 * 5 runs per variant):
 * - on go1.19 the goroutines that allocate past the first trigger queue on gcStart's work.startSema
 *   and are let through one per step of the hand-off chain, so a goroutine's `make` lasts until the
 *   chain reaches it (alloc_us: 0.1–1.4 s at N ≥ 100);
 * - the phase is the reads' CPU on 2 cores (a fresh-buffer read: 5.2 ms on the recording day);
 * - the threads stay in real Go's range at N=10 (a model that let every goroutine into its read at
 *   once made 532–590 threads where real go1.19 makes 19–85 at N=1000; the counts at N ≥ 100 are
 *   pinned with their cause in conformance/known-mismatches.json).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileGo } from '../../src/golang/index.js';
import { run } from '../../src/runtime/runtime.js';

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

function simulate(release: Release, n: number, gomaxprocs: number, cost: Record<string, number> = {}, seed = 1) {
  const r = compileGo([{ name: 'urandom_read.go', text: source }], { go: release, env: { N: String(n) } });
  if (!r.ok) throw new Error(r.errors.map((e) => e.msg).join('\n'));
  const res = run({ main: r.main, linksOS: r.linksOS, gomaxprocs, seed, go: release, cost });
  expect(res.exitCode).toBe(0);
  const m: Record<string, number> = {};
  for (const x of res.stdout.matchAll(/^MEASURE (\w+)=([\d.]+)/gm)) m[x[1]!] = Number(x[2]);
  return m;
}

describe('urandom_read: threads, phase and the startSema chain stay in real go1.19\'s range', () => {
  // Threads at N ≥ 100 are pinned mismatches (known-mismatches.json: the model's chain leaves fewer
  // reads in flight at GOMAXPROCS=1 and more at 4 than real Go); the phase and the make's wait are the
  // mechanisms this program measures on go1.19 (before the startSema chain: alloc_us 0.1 ms, where real
  // Go waits 0.1–1.4 s; before the fresh-buffer fault cost: phase half of real's).
  const cases: [variant: string, n: number, procs: number, measures: string[]][] = [
    ['n10_p1', 10, 1, ['threads_end']],
    ['n10_p2', 10, 2, ['threads_end']],
    ['n100_p1', 100, 1, ['phase_ms', 'alloc_us']],
    ['n1000_p1', 1000, 1, ['phase_ms', 'alloc_us']],
    ['n1000_p4', 1000, 4, ['phase_ms']],
  ];
  for (const [variant, n, procs, names] of cases) {
    it(`${variant}: ${names.join(', ')} within the recorded runs' range (±3 %)`, () => {
      const m = simulate('1.19', n, procs);
      for (const name of names) {
        const real = recorded('1.19', variant, name);
        expect([name, m[name]! >= real.min * 0.97]).toEqual([name, true]);
        expect([name, m[name]! <= real.max * 1.03]).toEqual([name, true]);
      }
    }, 120_000);
  }
});

describe('urandom_read: a handed-off M waits behind a reader computing in the kernel (os.ts protectedUntil)', () => {
  // perf on the real program (go1.26.8, N=100, GOMAXPROCS=1, quiet): the Ms sysmon's handoffp wakes onto
  // a CPU running a 1 MiB /dev/urandom read waited 1.7 / 4.8 / 45 ms (p10/p50/p90) for it, so the reads
  // start ≈2 ms apart, not one sysmon retake (≈0.2 ms) apart.
  it('n10_p1: the entry gap is milliseconds as real go1.19\'s, and one retake without the kernel\'s hold (slice and tick)', () => {
    const real = recorded('1.19', 'n10_p1', 'entry_gap_us');
    const m = simulate('1.19', 10, 1);
    // Milliseconds, as real Go's (269–2588 µs; the model's 2.67 ms at seed 1 is pinned in
    // known-mismatches.json), at most one scheduler tick (cost.schedTick, 4 ms) past a retake.
    expect(m.entry_gap_us!).toBeGreaterThanOrEqual(real.min);
    expect(m.entry_gap_us!).toBeLessThanOrEqual(4000 + 300);
    // Without the hold (no slice, no tick to wait for) the next reader enters one retake later.
    const off = simulate('1.19', 10, 1, { schedBaseSlice: 0, schedTick: 0 });
    expect(off.entry_gap_us!).toBeLessThan(real.min);
  }, 60_000);
});

describe('urandom_read: the wakees held behind readers on one CPU run one per pick (os.ts protectedUntil)', () => {
  // A CPU runs one thread at a time: of the Ms handoffp woke onto a CPU whose reader computes in the
  // kernel, one runs at the tick after the reader's slice, the next a slice and a tick later, and so on.
  // Before, all of them ran at the same tick and entered their reads together: at GOMAXPROCS=4 and
  // N=100 the entry gap was 0.1–0.6 µs and 47–83 threads (real: ≈2 ms and 17–30).
  for (const release of ['1.19', '1.26'] as const) {
    it(`go${release} n100_p4: threads near the recorded range, reads entered milliseconds apart as real Go's, not in bursts`, () => {
      // the median over seeds 1–3, as the conformance comparison takes it
      const runs = [1, 2, 3].map((seed) => simulate(release, 100, 4, {}, seed));
      const med = (k: string): number => runs.map((x) => x[k]!).sort((a, b) => a - b)[1]!;
      const m = { threads_end: med('threads_end'), entry_gap_us: med('entry_gap_us') };
      // threads near real Go's (go1.19.8 18–30, go1.26.8 17–25; pinned mismatches when a seed's median
      // is a thread or two past them), not the 47–83 of the bursts
      const threads = recorded(release, 'n100_p4', 'threads_end');
      expect(m.threads_end!).toBeGreaterThanOrEqual(threads.min * 0.97);
      expect(m.threads_end!).toBeLessThanOrEqual(threads.max * 1.25);
      // real: 1.7–2.5 ms (go1.19.8), 2.1–2.3 ms (go1.26.8); the model's go1.19 gap (2.8 ms at seed 1) is
      // pinned in known-mismatches.json; the burst it replaces was under 1 µs
      const gap = recorded(release, 'n100_p4', 'entry_gap_us');
      expect(m.entry_gap_us!).toBeGreaterThanOrEqual(gap.min * 0.5);
      expect(m.entry_gap_us!).toBeLessThanOrEqual(gap.max * 1.5);
    }, 120_000);
  }
});
