/**
 * Twin of conformance/programs/sleep_threads50.go (50 goroutines in time.Sleep(1 s) at GOMAXPROCS=2: no
 * thread growth). Twin note: os_threads_* (/proc/self/task) are not printed (not modelled). A twin because
 * the Go frontend cannot compile every program yet.
 */
import { fmt, go, ms, s, sync, time, type Go } from '../../src/workload/api.js';
import { msOfNs, threads, type Env, type TwinProgram } from './_common.js';

export function program(env: Env): TwinProgram {
  function* main(): Go {
    let m = yield* threads();
    yield* fmt.Printf('MEASURE threads_start=%d threads\n', m);
    const start = yield* time.Now();
    const wg = new sync.WaitGroup();
    for (let i = 0; i < 50; i++) {
      yield* wg.Add(1);
      yield* go(function* (): Go {
        yield* time.Sleep(s(1));
        yield* wg.Done();
      });
    }
    if (env.SAMPLE_300MS === '1') {
      yield* time.Sleep(ms(300));
      m = yield* threads();
      yield* fmt.Printf('MEASURE threads_300ms=%d threads\n', m);
    }
    yield* wg.Wait();
    yield* fmt.Printf('MEASURE elapsed_ms=%.2f ms\n', msOfNs(yield* time.Since(start)));
    yield* time.Sleep(ms(200));
    m = yield* threads();
    yield* fmt.Printf('MEASURE threads_after=%d threads\n', m);
    yield* fmt.Println('done');
  }
  return { main, linksOS: true };
}
