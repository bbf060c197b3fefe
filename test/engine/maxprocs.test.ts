/**
 * Container-aware GOMAXPROCS (Go 1.25+, src/runtime/maxprocs.ts) and the CPU limit in the OS model.
 *
 * Expected values come from Go's sources (go1.26.8: cgroup_linux.go adjustCgroupGOMAXPROCS, proc.go
 * schedinit/sysmon/sysmonUpdateGOMAXPROCS/updateMaxProcsGoroutine, debug.go GOMAXPROCS) and, where this
 * 2-CPU machine can show them, from real runs under a cgroup CPU limit
 * (test/versions/cpu-quota.recorded.txt: on 2 CPUs every limit gives GOMAXPROCS 2; on 1 CPU, 1).
 */
import { describe, expect, it } from 'vitest';
import { runChecked } from '../helpers.js';
import { run } from '../../src/runtime/runtime.js';
import { defaultGOMAXPROCS } from '../../src/runtime/maxprocs.js';
import { profiles, type GoRelease } from '../../src/runtime/version.js';
import { go, ms, runtime, sync, time, work, type Go } from '../../src/workload/api.js';

const on = { containermaxprocs: 1 };

describe('defaultGOMAXPROCS: min(NumCPU, max(2, ceil(limit))) from Go 1.25 on', () => {
  it('follows cgroup_linux.go adjustCgroupGOMAXPROCS under 1.26 and ignores the limit under 1.19', () => {
    const v126 = profiles['1.26'];
    // Recorded on the 2-CPU machine (cpu-quota.recorded.txt): no limit, 0.5 and 1.5 all give 2; one CPU gives 1.
    expect(defaultGOMAXPROCS(v126, 2, Infinity, on)).toBe(2);
    expect(defaultGOMAXPROCS(v126, 2, 0.5, on)).toBe(2);
    expect(defaultGOMAXPROCS(v126, 2, 1.5, on)).toBe(2);
    expect(defaultGOMAXPROCS(v126, 1, 0.5, on)).toBe(1);
    // From the source: fractions round up, the limit counts only when below NumCPU, never below 2.
    expect(defaultGOMAXPROCS(v126, 8, 1.5, on)).toBe(2);
    expect(defaultGOMAXPROCS(v126, 8, 2.5, on)).toBe(3);
    expect(defaultGOMAXPROCS(v126, 8, 0.1, on)).toBe(2);
    expect(defaultGOMAXPROCS(v126, 8, 16, on)).toBe(8);
    // GODEBUG=containermaxprocs=0: NumCPU (recorded: 2 with a 0.5 limit).
    expect(defaultGOMAXPROCS(v126, 8, 1.5, { containermaxprocs: 0 })).toBe(8);
    expect(defaultGOMAXPROCS(profiles['1.19'], 8, 1.5, on)).toBe(8);
  });
});

/** GOMAXPROCS as the program sees it at each of `at` (ms), while a goroutine keeps a P busy (sysmon never deep-sleeps). */
function gomaxprocsOver(go_: GoRelease, at: number[], opts: { ncpu: number; cpuQuota: number | { at: number; cores: number }[]; setAt?: number; gomaxprocs?: number; updatemaxprocs?: number }): number[] {
  const seen: number[] = [];
  const r = run({
    go: go_,
    ncpu: opts.ncpu,
    cpuQuota: opts.cpuQuota,
    gomaxprocs: opts.gomaxprocs,
    godebug: opts.updatemaxprocs !== undefined ? { updatemaxprocs: opts.updatemaxprocs } : undefined,
    main: function* () {
      yield* go(function* (): Go {
        yield* work(ms(at[at.length - 1]! + 100));
      });
      let t = 0;
      for (const a of at) {
        if (opts.setAt !== undefined && t <= opts.setAt && opts.setAt < a) {
          yield* time.Sleep(ms(opts.setAt - t));
          t = opts.setAt;
          yield* runtime.GOMAXPROCS(4);
        }
        yield* time.Sleep(ms(a - t));
        t = a;
        seen.push(yield* runtime.GOMAXPROCS(0));
      }
    },
  });
  expect(r.reason).toBe('exit');
  return seen;
}

describe('sysmon follows a changing CPU limit once per second (Go 1.25+)', () => {
  const steps = [
    { at: 0, cores: 8 },
    { at: 2e9, cores: 2.5 },
  ];
  it('1.26 starts at the limit’s GOMAXPROCS and lowers it within a second of the limit dropping', () => {
    expect(gomaxprocsOver('1.26', [100], { ncpu: 8, cpuQuota: 1.5 })).toEqual([2]);
    const seen = gomaxprocsOver('1.26', [1500, 1999, 3100], { ncpu: 8, cpuQuota: steps });
    expect(seen).toEqual([8, 8, 3]);
  });
  it('1.19 keeps NumCPU whatever the limit', () => {
    expect(gomaxprocsOver('1.19', [100, 3100], { ncpu: 8, cpuQuota: steps })).toEqual([8, 8]);
  });
  it('runtime.GOMAXPROCS(n) by hand stops the updates (debug.go: customGOMAXPROCS)', () => {
    expect(gomaxprocsOver('1.26', [500, 3100], { ncpu: 8, cpuQuota: steps, setAt: 1000 })).toEqual([8, 4]);
  });
  it('GOMAXPROCS from the environment is custom from the start (schedinit)', () => {
    expect(gomaxprocsOver('1.26', [100, 3100], { ncpu: 8, cpuQuota: steps, gomaxprocs: 6 })).toEqual([6, 6]);
  });
  it('GODEBUG=updatemaxprocs=0: no updater goroutine, no updates', () => {
    expect(gomaxprocsOver('1.26', [100, 3100], { ncpu: 8, cpuQuota: steps, updatemaxprocs: 0 })).toEqual([8, 8]);
    const r = run({ go: '1.26', godebug: { updatemaxprocs: 0 }, main: function* () {} });
    expect(r.runtime.allgs.map((g) => g.startfn)).not.toContain('runtime.updateMaxProcsGoroutine');
    const r2 = run({ go: '1.26', main: function* () {} });
    expect(r2.runtime.allgs.map((g) => g.startfn)).toContain('runtime.updateMaxProcsGoroutine');
  });
});

describe('the CPU limit caps the CPU the process gets (os.ts, both releases)', () => {
  /** Two goroutines of `cpu` ms each at GOMAXPROCS=2 on 2 cores under `quota`; the last one's finish (ms). */
  function lastFinish(quota: number | undefined, go_: GoRelease = '1.19'): number {
    let last = 0;
    const r = runChecked({
      go: go_,
      ncpu: 2,
      gomaxprocs: 2,
      cpuQuota: quota,
      main: function* () {
        const wg = new sync.WaitGroup();
        const start = yield* time.Now();
        for (let i = 0; i < 2; i++) {
          yield* wg.Add(1);
          yield* go(function* (): Go {
            yield* work(ms(300));
            last = Math.max(last, (yield* time.Since(start)) / 1e6);
            yield* wg.Done();
          });
        }
        yield* wg.Wait();
      },
    });
    expect(r.reason).toBe('exit');
    return last;
  }
  it('600 ms of CPU takes ≈300 ms on 2 free cores, ≈400 ms under a 1.5-core limit, ≈600 ms under 1 core', () => {
    const free = lastFinish(undefined);
    expect(free).toBeGreaterThan(299);
    expect(free).toBeLessThan(310);
    const q15 = lastFinish(1.5);
    expect(q15).toBeGreaterThan(399);
    expect(q15).toBeLessThan(412);
    const q1 = lastFinish(1);
    expect(q1).toBeGreaterThan(599);
    expect(q1).toBeLessThan(615);
    // A limit above the machine's cores changes nothing.
    expect(lastFinish(4)).toBe(free);
  });
});
