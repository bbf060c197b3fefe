/**
 * conformance/programs/urandom_read.go's mechanisms (issue #19 item 6): N goroutines each allocate a
 * 1 MiB buffer and fill it from /dev/urandom. Expected values are real Go's, from
 * conformance/reference/go1.19|go1.26/urandom_read.json (go1.19.8 and go1.26.8 on the 2-vCPU reference VM,
 * 5 runs per variant):
 * - the threads stay in real Go's range at N=100 and 1000: a model that let every goroutine into its read at
 *   once (go1.19's gcStart startSema pile-up released one goroutine per retake during a first mark
 *   phase that the readers starved, with no assist to hold the allocations back) made 532–590 threads
 *   where real go1.19 makes 19–85.
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

function simulate(release: Release, n: number, gomaxprocs: number, cost: Record<string, number> = {}) {
  const r = compileGo([{ name: 'urandom_read.go', text: source }], { go: release, env: { N: String(n) } });
  if (!r.ok) throw new Error(r.errors.map((e) => e.msg).join('\n'));
  const res = run({ main: r.main, linksOS: r.linksOS, gomaxprocs, seed: 1, go: release, cost });
  expect(res.exitCode).toBe(0);
  const m: Record<string, number> = {};
  for (const x of res.stdout.matchAll(/^MEASURE (\w+)=([\d.]+)/gm)) m[x[1]!] = Number(x[2]);
  return m;
}

describe('urandom_read: the threads (pprof threadcreate, the headline figure) stay in real go1.19\'s range', () => {
  // The startSema pile-up model gave n1000_p2 532–590, n1000_p4 733, n100_p1 23–25. Since the OS model
  // holds a handed-off M behind a reader's slice (os.ts protectedUntil) n1000_p4 (real 101–229) is in
  // range again and n1000_p2 is not (10–18 against 19–85: pinned with its cause in
  // conformance/known-mismatches.json).
  const cases: [variant: string, n: number, procs: number][] = [
    ['n10_p1', 10, 1],
    ['n100_p1', 100, 1],
    ['n1000_p1', 1000, 1],
    ['n10_p2', 10, 2],
    ['n1000_p4', 1000, 4],
  ];
  for (const [variant, n, procs] of cases) {
    it(`${variant}: threads_end within the recorded runs' range`, () => {
      const m = simulate('1.19', n, procs);
      const threads = recorded('1.19', variant, 'threads_end');
      expect(m.threads_end!).toBeGreaterThanOrEqual(threads.min);
      expect(m.threads_end!).toBeLessThanOrEqual(threads.max);
    }, 120_000);
  }
});

describe('urandom_read: a handed-off M waits behind a reader computing in the kernel (os.ts protectedUntil)', () => {
  // perf on the real program (go1.26.8, N=100, GOMAXPROCS=1, quiet): the Ms sysmon's handoffp wakes onto
  // a CPU running a 1 MiB /dev/urandom read waited 1.7 / 4.8 / 45 ms (p10/p50/p90) for it, so the reads
  // start ≈2 ms apart, not one sysmon retake (≈0.2 ms) apart.
  it('n10_p1: the entry gap is real go1.19\'s (ms), and one retake without the kernel\'s slice protection', () => {
    const real = recorded('1.19', 'n10_p1', 'entry_gap_us');
    const m = simulate('1.19', 10, 1);
    expect(m.entry_gap_us!).toBeGreaterThanOrEqual(real.min);
    expect(m.entry_gap_us!).toBeLessThanOrEqual(real.max * 1.03);
    const off = simulate('1.19', 10, 1, { schedBaseSlice: 0 });
    expect(off.entry_gap_us!).toBeLessThan(real.min);
  }, 60_000);
});
