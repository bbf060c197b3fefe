/**
 * Twin of conformance/programs/sleep_granularity.go (real durations of 200 × time.Sleep(10 µs / 100 µs /
 * 1.5 ms) on an idle process). A twin because the Go frontend cannot compile every program yet; it mirrors
 * the Go program statement by statement.
 */
import { fmt, ms, time, us, type Go } from '../../src/workload/api.js';
import type { Env, TwinProgram } from './_common.js';

export function program(_env: Env): TwinProgram {
  function* main(): Go {
    const cases = [
      { name: '10us', d: us(10) },
      { name: '100us', d: us(100) },
      { name: '1500us', d: us(1500) },
    ];
    const n = 200;
    yield* time.Sleep(ms(5)); // let start-up settle
    for (const c of cases) {
      const xs: number[] = new Array(n);
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const t = yield* time.Now();
        yield* time.Sleep(c.d);
        xs[i] = (yield* time.Since(t)) / 1e6;
        sum += xs[i]!;
      }
      xs.sort((a, b) => a - b);
      yield* fmt.Printf(`MEASURE sleep_${c.name}_mean_ms=%.4f ms\n`, sum / n);
      yield* fmt.Printf(`MEASURE sleep_${c.name}_median_ms=%.4f ms\n`, xs[n / 2]);
      yield* fmt.Printf(`MEASURE sleep_${c.name}_p90_ms=%.4f ms\n`, xs[(n * 9) / 10]);
    }
    yield* fmt.Println('done');
  }
  return { main, linksOS: true };
}
