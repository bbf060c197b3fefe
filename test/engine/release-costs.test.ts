/**
 * A later release's cost defaults are go1.19's measurements times the release's ratios to go1.19,
 * measured in back-to-back pairs on the same machine (conformance/reference/release-costs.json, written
 * by conformance/release-costs.mjs with the exact toolchains). The tables in src/runtime/cost.ts and
 * src/golang/cost.ts must be exactly what the mappings make of the recordings, so re-recording and
 * re-deriving are one step; and a run on a release must use them.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { costsFor, defaultCosts, releaseCosts } from '../../src/runtime/cost.js';
import { releaseCostsFromRatios, releaseDependentCosts, releaseMeasuredCosts, type Measurements } from '../../src/runtime/calibration.js';
import { allocCosts126, defaultGoCpuCosts, goCpuCostsFromMeasurements, libCosts126, httpCosts126, netCosts126, releaseGoCpuCosts, type LoopMeasurements } from '../../src/golang/cost.js';
import { profiles } from '../../src/runtime/version.js';
import { Runtime } from '../../src/runtime/runtime.js';

const ref = (p: string): unknown => JSON.parse(readFileSync(new URL(`../../conformance/reference/${p}`, import.meta.url), 'utf8'));
const medians = (o: Record<string, { median: number }>): Record<string, number> => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v.median]));

const rc = ref('release-costs.json') as {
  base: { release: string; env: { goVersion: string } };
  releases: Record<string, { env: { goVersion: string }; ratios: Record<string, { median: number; pairs: number }> }>;
};
const base119 = medians((ref('go1.19/costs.json') as { costs: Record<string, { median: number }> }).costs);
const loops119 = medians((ref('go1.19/cpu_costs.json') as { variants: { measures: Record<string, { median: number }> }[] }).variants[0]!.measures);

const main = function* (): Generator<never, void, unknown> {};

describe('release costs', () => {
  it('were recorded with the profiles\' exact toolchains, in pairs', () => {
    expect(rc.base.env.goVersion).toBe(`go version ${profiles['1.19'].toolchain} linux/amd64`);
    expect(rc.releases['1.26']!.env.goVersion).toBe(`go version ${profiles['1.26'].toolchain} linux/amd64`);
    for (const r of Object.values(rc.releases['1.26']!.ratios)) expect(r.pairs).toBeGreaterThanOrEqual(5);
  });

  it('go1.19 has no overrides, and the go1.19 fit of cpu_costs.json is defaultGoCpuCosts', () => {
    expect(releaseCosts['1.19']).toEqual({});
    expect(costsFor('1.19')).toEqual(defaultCosts);
    expect(goCpuCostsFromMeasurements(loops119 as LoopMeasurements, base119['mutex_uncontended_ns']!)).toEqual(defaultGoCpuCosts);
    // Ratios of 1 give go1.19's own costs back (the syscall overhead is rebuilt from its two calls).
    const ones = Object.fromEntries(Object.keys(rc.releases['1.26']!.ratios).map((k) => [k, 1]));
    const same = releaseCostsFromRatios(base119 as Measurements & Record<string, number>, ones);
    for (const k of releaseDependentCosts) expect([k, same[k]]).toEqual([k, defaultCosts[k]]);
  });

  it('go1.26\'s tables are the mappings of go1.19\'s medians times the recorded ratios', () => {
    const ratios = Object.fromEntries(Object.entries(rc.releases['1.26']!.ratios).map(([k, v]) => [k, v.median]));
    // (the parameters wake_costs.go measures on go1.26.8 itself are checked in calibration.test.ts)
    const fromRatios = Object.fromEntries(Object.entries(releaseCosts['1.26']).filter(([k]) => !(releaseMeasuredCosts as readonly string[]).includes(k)));
    expect(fromRatios).toEqual(releaseCostsFromRatios(base119 as Measurements & Record<string, number>, ratios));
    const loops = Object.fromEntries(Object.entries(loops119).map(([k, v]) => [k, v * (ratios[k] ?? 1)]));
    const fit = goCpuCostsFromMeasurements(loops as LoopMeasurements, base119['mutex_uncontended_ns']! * (ratios['mutex_uncontended_ns'] ?? 1));
    const want: Record<string, number> = {};
    // the library's costs are recorded on each release itself (lib_costs.go; test/golang/cost.test.ts checks
    // them), net/http's per request too (httpCosts126, measured on go1.26.8), and net's Dial/Accept/Close
    // (netCosts126: io_costs.go netCallCosts on go1.26.8), and malloc (allocCosts126: gc_alloc_loop.go on go1.26.8)
    const ownCosts = (k: string): boolean => k in libCosts126 || k in httpCosts126 || k in netCosts126 || k in allocCosts126;
    for (const [k, v] of Object.entries(fit)) if (!ownCosts(k) && v !== defaultGoCpuCosts[k as keyof typeof fit]) want[k] = v;
    const loopCosts = Object.fromEntries(Object.entries(releaseGoCpuCosts['1.26']).filter(([k]) => !ownCosts(k)));
    expect(loopCosts).toEqual(want);
    // Only what the release's own code decides moves; the machine's costs are shared.
    for (const k of Object.keys(releaseCosts['1.26'])) expect([...releaseDependentCosts, ...releaseMeasuredCosts] as string[]).toContain(k);
  });

  it('a run on a release uses its costs, and the user\'s --cost still wins', () => {
    expect(new Runtime({ main, go: '1.26' }).cost).toEqual(costsFor('1.26'));
    expect(new Runtime({ main, go: '1.19' }).cost).toEqual(defaultCosts);
    expect(new Runtime({ main, go: '1.26', cost: { chanOp: 7 } }).cost.chanOp).toBe(7);
  });
});
