/**
 * The first timer of a process starts the network poller (netpollGenericInit: epoll_create1, the break
 * pipe or eventfd, epoll_ctl) on the thread that adds it (runtime/time.ts netpollGenericInit,
 * cost.netpollInit), and a time.Sleep's M makes those calls before it blocks in epoll_wait
 * (runtime/exec.ts timeSleep), so a process's first sleep is the longer one.
 * Expected values: conformance/reference/go1.19|go1.26/netpoll_init.json (go1.19.8, go1.26.8; 25
 * processes per variant), never the code under test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGo } from './harness.js';
import type { GoRelease } from '../../src/runtime/version.js';
import { costsFor } from '../../src/runtime/cost.js';
import { netpollInitFromMeasurements } from '../../src/runtime/calibration.js';

const conformance = join(import.meta.dirname, '..', '..', 'conformance');
const src = readFileSync(join(conformance, 'programs', 'netpoll_init.go'), 'utf8');
interface Variant {
  id: string;
  env: Record<string, string>;
  measures: Record<string, { median: number; min: number; max: number }>;
}
function variant(release: GoRelease, id: string): Variant {
  const ref = JSON.parse(readFileSync(join(conformance, 'reference', `go${release}`, 'netpoll_init.json'), 'utf8')) as { variants: Variant[] };
  return ref.variants.find((x) => x.id === id)!;
}
function measure(stdout: string, name: string): number {
  return Number(new RegExp(`MEASURE ${name}=([\\d.]+)`).exec(stdout)![1]);
}

describe("a process's first timer starts the netpoller, on the thread that adds it", () => {
  for (const release of ['1.19', '1.26'] as GoRelease[]) {
    it(`go${release}: cost.netpollInit is netpoll_init.json's timer − timer_pipe first_timer_us`, () => {
      const want = netpollInitFromMeasurements(variant(release, 'timer').measures.first_timer_us!.median, variant(release, 'timer_pipe').measures.first_timer_us!.median);
      expect(costsFor(release).netpollInit).toBe(want);
    });
    it(`go${release}: the first time.AfterFunc costs what starting real Go's poller costs, within 20 % (before: as much as the second, ≈0.2 µs)`, () => {
      // Real: the first AfterFunc of a process less the first one of a process whose poller os.Pipe had
      // started (the same cold code): 10.96 µs on go1.19.8 (a pipe for netpollBreak), 7.17 on go1.26.8 (an eventfd).
      const real = variant(release, 'timer').measures.first_timer_us!.median - variant(release, 'timer_pipe').measures.first_timer_us!.median;
      const { compile, res } = runGo(src, variant(release, 'timer').env, {}, 20e9, release);
      expect(compile).toBeNull();
      const got = measure(res!.stdout, 'first_timer_us') - measure(res!.stdout, 'second_timer_us');
      expect(got / real).toBeGreaterThan(0.8);
      expect(got / real).toBeLessThan(1.2);
    });
    it(`go${release}: the process's first 1 ms sleep lasts what real Go's does, within 0.5 % (before: 8 µs short)`, () => {
      const v = variant(release, 'sleep');
      const { compile, res } = runGo(src, v.env, {}, 20e9, release);
      expect(compile).toBeNull();
      const got = measure(res!.stdout, 'first_sleep_us');
      const real = v.measures.first_sleep_us!.median;
      expect(Math.abs(got / real - 1)).toBeLessThan(0.005);
    });
  }
});
