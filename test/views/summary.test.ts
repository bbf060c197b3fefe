/** The run summary is derived from the event log alone; spot-check fields against the engine. */
import { describe, expect, it } from 'vitest';
import { Runtime } from '../../src/runtime/runtime.js';
import { SummaryAccumulator } from '../../src/views/summary.js';
import { go, sync, work, time, us, ms } from '../../src/workload/api.js';

function* burst(wg: sync.WaitGroup): Generator<import('../../src/workload/ops.js').Op, void, unknown> {
  yield* work(us(200));
  yield* time.Sleep(ms(1));
  yield* wg.Done();
}

describe('summary', () => {
  it('counts threads like mcount() and spinning time from MSpin (spec §6.1: spinning Ms look for work)', () => {
    const rt = new Runtime({
      gomaxprocs: 4,
      main: function* () {
        const wg = new sync.WaitGroup();
        for (let i = 0; i < 20; i++) {
          yield* wg.Add(1);
          yield* go(burst, wg);
        }
        yield* wg.Wait();
      },
    });
    const acc = new SummaryAccumulator(rt.log);
    rt.log.listen(acc.event);
    const r = rt.run();
    const sum = acc.result(r.simTime);
    expect(sum.threads.final).toBe(rt.sched.mnext - rt.sched.nmfreed);
    expect(sum.goroutines.created).toBe(21); // main + 20
    // Idle Ps exist while goroutines are created, so wakep starts spinning Ms: some spinning time,
    // and never more spinners than Ps.
    expect(sum.spinning.totalNs).toBeGreaterThan(0);
    expect(sum.spinning.peak).toBeGreaterThanOrEqual(1);
    expect(sum.spinning.peak).toBeLessThanOrEqual(4);
  });
});
