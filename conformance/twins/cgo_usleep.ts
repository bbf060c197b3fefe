/**
 * Twin of conformance/programs/cgo_usleep.go (50 goroutines each in C.usleep(1 s), cgo-linked, GOMAXPROCS=2:
 * cgo calls block their thread like syscalls). Twin note: os_threads_* (/proc/self/task) are not printed
 * (not modelled). A twin because the Go frontend cannot compile every program yet.
 */
import { cgo, fmt, go, ms, s, sync, time, type Go } from '../../src/workload/api.js';
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
        yield* cgo.Call(s(1), 'C.usleep', { sleep: true });
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
  return { main, linksOS: true, linksCgo: true };
}
