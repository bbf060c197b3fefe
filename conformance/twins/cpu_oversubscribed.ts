/**
 * Twin of conformance/programs/cpu_oversubscribed.go (main runs a CPU loop alone, then N goroutines run the
 * same loop at once; each one's finish time is measured). The loop is 60e6 xorshift steps without calls
 * (async preemption only): one Work op of `soloCpu` ns.
 * A twin because the Go frontend interprets the loop far slower than go1.19 runs it (60e6 iterations per
 * goroutine).
 */
import { fmt, go, ms, sync, time, work, type Go } from '../../src/workload/api.js';
import { msOfNs, type Env, type TwinProgram } from './_common.js';

/**
 * CPU time of one 60e6-step xorshift loop on the recording machine (AMD EPYC, 2 vCPUs): the median of
 * solo_ms in conformance/reference/go1.19/cpu_oversubscribed.json and cpu_cgo_spin.json (per-variant medians
 * 99.1–103.0 ms; the Go and the C loop compile to the same three shift-xor pairs).
 */
export const soloCpu = ms(100);

/** The programs' common shape; `spin` is one run of the loop (Go code or a C call). */
export function spinProgram(env: Env, spin: () => Go): () => Go {
  const n = Number(env.N ?? '1');
  return function* main(): Go {
    const t0 = yield* time.Now();
    yield* spin();
    yield* fmt.Printf('MEASURE solo_ms=%.3f ms\n', msOfNs(yield* time.Since(t0)));
    const finish: number[] = new Array<number>(n).fill(0);
    const wg = new sync.WaitGroup();
    const start = yield* time.Now();
    for (let i = 0; i < n; i++) {
      yield* wg.Add(1);
      yield* go(function* (): Go {
        yield* spin();
        finish[i] = yield* time.Since(start);
        yield* wg.Done();
      });
    }
    yield* wg.Wait();
    const total = yield* time.Since(start);
    finish.sort((a, b) => a - b);
    yield* fmt.Printf('MEASURE first_ms=%.3f ms\n', msOfNs(finish[0]!));
    yield* fmt.Printf('MEASURE last_ms=%.3f ms\n', msOfNs(finish[n - 1]!));
    for (const f of finish) yield* fmt.Printf('MEASURE finish_ms=%.3f ms\n', msOfNs(f));
    yield* fmt.Printf('MEASURE total_ms=%.3f ms\n', msOfNs(total));
    yield* fmt.Println('done');
  };
}

export function program(env: Env): TwinProgram {
  return { main: spinProgram(env, () => work(soloCpu)), linksOS: true };
}
