/**
 * The cost model's defaults come from real go1.19 measured on this project's machine
 * (conformance/reference/go1.19/costs.json, recorded by conformance/record.mjs from
 * conformance/programs/calibrate.go): the defaults marked (c) in cost.ts must be exactly what
 * costsFromMeasurements makes of the recorded medians, so re-recording and re-deriving them is
 * one step and they cannot drift apart silently.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { costTableMarkdown, defaultCosts } from '../../src/runtime/cost.js';
import { costsFromMeasurements, newidlePullFromMeasurements, releaseMeasuredCosts, timedWaitIdleUs, timedWaitWakeFromMeasurements, vcpuWakeFromMeasurements, type Measurements, type VcpuWakePoint } from '../../src/runtime/calibration.js';
import { releaseCosts } from '../../src/runtime/cost.js';

/** The medians of conformance/reference/<release>/wake_costs.json (conformance/programs/wake_costs.go). */
function wakeCosts(release: 'go1.19' | 'go1.26'): Measurements {
  const ref = JSON.parse(readFileSync(new URL(`../../conformance/reference/${release}/wake_costs.json`, import.meta.url), 'utf8')) as {
    env: { goVersion: string };
    variants: { measures: Record<string, { median: number }> }[];
  };
  expect(ref.env.goVersion).toContain(release === 'go1.19' ? 'go1.19.8' : 'go1.26.8');
  const m: Record<string, number> = {};
  for (const [k, v] of Object.entries(ref.variants[0]!.measures)) m[k] = v.median;
  return m as Measurements;
}

const wakeCostNames = releaseMeasuredCosts;

describe('calibration', () => {
  it('the measured defaults are costsFromMeasurements(conformance/reference/go1.19/costs.json)', () => {
    const ref = JSON.parse(readFileSync(new URL('../../conformance/reference/go1.19/costs.json', import.meta.url), 'utf8')) as {
      costs: Record<string, { median: number }>;
    };
    const m: Record<string, number> = {};
    for (const [k, v] of Object.entries(ref.costs)) m[k] = v.median;
    const derived = costsFromMeasurements(m as Measurements);
    expect(Object.keys(derived).length).toBeGreaterThanOrEqual(12);
    for (const [k, v] of Object.entries(derived)) expect([k, defaultCosts[k as keyof typeof defaultCosts]]).toEqual([k, v]);
  });

  it('cloneCall is costsFromMeasurements of newm_clone.go as recorded on go1.19 (conformance/reference/go1.19/newm_clone.json)', () => {
    // go_newthread_us = newproc + wakep/startm + clone() in the caller; cloneCall is the clone part.
    const ref = JSON.parse(readFileSync(new URL('../../conformance/reference/go1.19/newm_clone.json', import.meta.url), 'utf8')) as {
      variants: { measures: Record<string, { median: number }> }[];
    };
    const us = ref.variants[0]!.measures['go_newthread_us']!.median;
    const derived = costsFromMeasurements({ go_newthread_us: us });
    expect(derived.cloneCall).toBe(defaultCosts.cloneCall);
    expect(Math.abs(defaultCosts.cloneCall + defaultCosts.goroutineCreate - us * 1000)).toBeLessThan(500);
  });

  it('futexWakeCall is costsFromMeasurements of newm_clone.go as recorded on go1.19 (go_wake_us: a `go` statement that woke an idle M)', () => {
    const ref = JSON.parse(readFileSync(new URL('../../conformance/reference/go1.19/newm_clone.json', import.meta.url), 'utf8')) as {
      variants: { measures: Record<string, { median: number }> }[];
    };
    const us = ref.variants[0]!.measures['go_wake_us']!.median;
    expect(costsFromMeasurements({ go_wake_us: us }).futexWakeCall).toBe(defaultCosts.futexWakeCall);
    expect(Math.abs(defaultCosts.futexWakeCall + defaultCosts.goroutineCreate - us * 1000)).toBeLessThan(100);
  });

  it('signalSend (calibrate.go sigurg_send_us, a Go thread) agrees with ipi_costs.go\'s C threads (tgkill_ns) on both toolchains', () => {
    const medians: number[] = [];
    for (const rel of ['go1.19', 'go1.26']) {
      const ref = JSON.parse(readFileSync(new URL(`../../conformance/reference/${rel}/ipi_costs.json`, import.meta.url), 'utf8')) as {
        env: { goVersion: string };
        variants: { measures: Record<string, { median: number }> }[];
      };
      expect(ref.env.goVersion).toContain(rel === 'go1.19' ? 'go1.19.8' : 'go1.26.8');
      for (const v of ref.variants) medians.push(v.measures['tgkill_ns']!.median);
    }
    expect(medians.length).toBe(4);
    expect(defaultCosts.signalSend).toBeGreaterThanOrEqual(Math.min(...medians));
    expect(defaultCosts.signalSend).toBeLessThanOrEqual(Math.max(...medians));
  });

  it('the VM idle-CPU wake-up costs are vcpuWakeFromMeasurements of vcpu_wake.go as recorded on go1.19.8 and go1.26.8 (pinned variant)', () => {
    const points: VcpuWakePoint[] = [];
    for (const rel of ['go1.19', 'go1.26']) {
      const ref = JSON.parse(readFileSync(new URL(`../../conformance/reference/${rel}/vcpu_wake.json`, import.meta.url), 'utf8')) as {
        env: { goVersion: string };
        variants: { id: string; measures: Record<string, { median: number }> }[];
      };
      expect(ref.env.goVersion).toContain(rel === 'go1.19' ? 'go1.19.8' : 'go1.26.8');
      const v = ref.variants.find((x) => x.id === 'pinned')!;
      // wake_us_i<IDLE_US>: the sleeper's CPU idled IDLE_US + 5 µs (vcpu_wake.go's 5 µs guard).
      for (const [k, m] of Object.entries(v.measures)) points.push({ idleUs: Number(/_i(\d+)$/.exec(k)![1]) + 5, wakeUs: m.median });
    }
    expect(points.length).toBeGreaterThanOrEqual(20);
    const d = vcpuWakeFromMeasurements(points, defaultCosts.futexWake);
    expect(d).toEqual({ haltPollWindow: defaultCosts.haltPollWindow, vcpuWake: defaultCosts.vcpuWake, vcpuWakeGrowth: defaultCosts.vcpuWakeGrowth });
  });

  it('timedWaitWake is timedWaitWakeFromMeasurements of vcpu_wake.go pinned_timed (timed and untimed FUTEX_WAITs interleaved in each run) on go1.19.8 and go1.26.8', () => {
    const untimed: VcpuWakePoint[] = [];
    const timed: VcpuWakePoint[] = [];
    for (const rel of ['go1.19', 'go1.26']) {
      const ref = JSON.parse(readFileSync(new URL(`../../conformance/reference/${rel}/vcpu_wake.json`, import.meta.url), 'utf8')) as {
        variants: { id: string; env: Record<string, string>; runs: number; measures: Record<string, { median: number }> }[];
      };
      const v = ref.variants.find((x) => x.id === 'pinned_timed');
      expect(v, rel).toBeDefined();
      expect(v!.env['TIMEOUT_US']).toBe('100');
      expect(v!.runs).toBeGreaterThanOrEqual(5);
      for (const [k, m] of Object.entries(v!.measures)) {
        const idleUs = Number(/_i(\d+)$/.exec(k)![1]) + 5;
        (k.startsWith('timed_') ? timed : untimed).push({ idleUs, wakeUs: m.median });
      }
    }
    for (const i of timedWaitIdleUs) expect(timed.filter((p) => p.idleUs === i).length).toBe(2);
    expect(timedWaitWakeFromMeasurements(untimed, timed)).toBe(defaultCosts.timedWaitWake);
  });

  it('newidlePull is newidlePullFromMeasurements of vcpu_wake.go (free vs free_block: the waker keeps running / blocks at once), pooled over the releases that recorded both', () => {
    let free = 0;
    let block = 0;
    let n = 0;
    for (const rel of ['go1.19', 'go1.26']) {
      const ref = JSON.parse(readFileSync(new URL(`../../conformance/reference/${rel}/vcpu_wake.json`, import.meta.url), 'utf8')) as {
        variants: { id: string; measures: Record<string, { mean: number; n: number }> }[];
      };
      const share = (id: string): number | null => {
        const v = ref.variants.find((x) => x.id === id);
        if (v === undefined) return null;
        const ms = Object.entries(v.measures).filter(([k]) => k.startsWith('same_cpu_'));
        return ms.reduce((a, [, m]) => a + m.mean * m.n, 0) / ms.reduce((a, [, m]) => a + m.n, 0);
      };
      const f = share('free');
      const b = share('free_block');
      if (f === null || b === null) continue;
      free += f;
      block += b;
      n++;
    }
    expect(n).toBeGreaterThanOrEqual(1);
    expect(newidlePullFromMeasurements(free / n, block / n)).toBe(defaultCosts.newidlePull);
  });

  it('the working-set and timer-heap defaults (w) are costsFromMeasurements(go1.19 wake_costs.json)', () => {
    const derived = costsFromMeasurements(wakeCosts('go1.19'));
    for (const k of wakeCostNames) expect([k, defaultCosts[k]]).toEqual([k, derived[k]]);
  });

  it("go1.26's working-set and timer-heap costs (releaseCosts) are costsFromMeasurements(go1.26 wake_costs.json)", () => {
    // timerOp subtracts what gmpsim charges for a hot hop on go1.26, whose chanOp is its own
    const derived = costsFromMeasurements(wakeCosts('go1.26'), { chanOp: releaseCosts['1.26'].chanOp });
    for (const k of wakeCostNames) expect([k, releaseCosts['1.26'][k]]).toEqual([k, derived[k]]);
  });

  it("README's cost table lists every parameter with its current default", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(costTableMarkdown());
  });
});
