/**
 * Views that gave wrong figures or crashed on large runs (issue 13 items 2, 6, 9). Expected values
 * come from the go1.19 runtime source (proc.go retake, procresize) and from the run's own log.
 */
import { describe, expect, it } from 'vitest';
import { Runtime } from '../../src/runtime/runtime.js';
import { SummaryAccumulator, formatSummary, type Summary } from '../../src/views/summary.js';
import { renderSamplesSvg, type PlotSamples } from '../../src/views/plot.js';
import { E, RetakeWhy } from '../../src/log/events.js';
import { _Pdead } from '../../src/runtime/runtime2.js';
import { runtime, syscall, us, ms, work, type Go } from '../../src/workload/api.js';

function summarized(rt: Runtime): { sum: Summary; simTime: number } {
  const acc = new SummaryAccumulator(rt.log);
  rt.log.listen(acc.event);
  const r = rt.run();
  expect(r.exitCode).toBe(0);
  return { sum: acc.result(r.simTime), simTime: r.simTime };
}

describe('retake reasons (item 6)', () => {
  it('a goroutine making 200 µs syscalls back to back for 66 ms is retaken for its time slice, never as "syscall ≥ 10ms"', () => {
    // go1.19 proc.go retake: a P whose schedtick has not moved for forcePreemptNS (10 ms) gets
    // preemptone and sysretake = true, which skips the "first sight of this syscall" rule; the P
    // is then retaken at whatever syscall it is in. None of these syscalls lasts 10 ms.
    function* main(): Go {
      for (let i = 0; i < 300; i++) {
        yield* work(us(20));
        yield* syscall.Syscall(us(200), 'write');
      }
    }
    const rt = new Runtime({ gomaxprocs: 4, main });
    const { sum } = summarized(rt);
    expect(sum.retakes.total).toBeGreaterThan(0);
    expect(sum.retakes.long).toBe(0);
    expect(sum.retakes.timeSlice).toBe(sum.retakes.total);
    // Each retake's age (ns since sysmon first saw the syscall) is within the 200 µs syscall.
    const log = rt.log;
    for (let i = 0; i < log.length; i++) {
      if (log.k[i] === E.Retake) {
        expect(log.a[i]).toBe(RetakeWhy.TimeSlice);
        expect(log.b[i]).toBeLessThanOrEqual(us(200));
      }
    }
    expect(formatSummary(sum)).toMatch(/retakes +\d+ \(0 run queue not empty, 0 no idle P, 0 syscall ≥ 10ms, \d+ time slice over\)/);
  });

  it('a syscall that really lasts 20 ms with idle Ps is retaken as "syscall ≥ 10ms"', () => {
    function* main(): Go {
      yield* syscall.Syscall(ms(20), 'read');
    }
    const { sum } = summarized(new Runtime({ gomaxprocs: 4, main }));
    expect(sum.retakes.long).toBe(1);
    expect(sum.retakes.timeSlice).toBe(0);
  });
});

describe('P time after runtime.GOMAXPROCS(1) (item 9)', () => {
  it('counts only the Ps that exist: destroyed Ps add no "stopped" time', () => {
    // go1.19 procresize(1): allp = allp[:1]; Ps 1..7 are destroyed (_Pdead) and are no longer Ps
    // of the process.
    function* main(): Go {
      yield* runtime.GOMAXPROCS(1);
      yield* work(ms(10));
    }
    const rt = new Runtime({ gomaxprocs: 8, main });
    const { sum, simTime } = summarized(rt);
    const t = sum.pTime.total;
    const all = t.idleNs + t.runningNs + t.syscallNs + t.otherNs;
    // When each P was destroyed, from the log.
    let destroyedAt = 0;
    for (let i = 0; i < rt.log.length; i++) if (rt.log.k[i] === E.PState && rt.log.a[i] === _Pdead) destroyedAt += rt.log.t[i]!;
    expect(all).toBe(simTime + destroyedAt);
    expect(t.otherNs / all).toBeLessThan(0.05);
    expect(formatSummary(sum)).not.toMatch(/stopped [1-9]\d(\.\d)?%/);
  });
});

describe('plot of a long run (item 2)', () => {
  it('renders 500k samples (a spread into Math.max overflowed the stack above ≈125k)', () => {
    const n = 500_000;
    const ramp = (f: (i: number) => number): number[] => Array.from({ length: n }, (_, i) => f(i));
    const S: PlotSamples = {
      t: ramp((i) => i * 1000),
      end: n * 1000,
      gomaxprocs: ramp(() => 2),
      threads: ramp((i) => 3 + (i % 7)),
      idlethreads: ramp(() => 1),
      running: ramp(() => 2),
      runnable: ramp((i) => i % 5),
      syscall: ramp(() => 0),
      waiting: ramp(() => 1),
      iowait: ramp(() => 0),
      global: ramp((i) => i % 3),
      pq: [ramp((i) => i % 4), ramp((i) => i % 2)],
      pseg: [
        [0, 1, 0, n * 1000],
        [1, 0, 0, n * 1000],
      ],
    };
    const { svg } = renderSamplesSvg(S, { title: 'long run' });
    expect(svg).toContain('peak threads 9');
  });
});
