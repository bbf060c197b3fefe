/**
 * Twin of conformance/programs/lockosthread_threads.go (five goroutines LockOSThread, sleep 200 ms and exit
 * locked: threads rise, then drop as the locked Ms exit). Twin note: os_threads_* (/proc/self/task) are not
 * printed (not modelled). A twin because the Go frontend cannot compile every program yet.
 */
import { fmt, go, ms, runtime, sync, time, type Go } from '../../src/workload/api.js';
import { threads, type Env, type TwinProgram } from './_common.js';

export function program(_env: Env): TwinProgram {
  function* main(): Go {
    let m = yield* threads();
    yield* fmt.Printf('MEASURE threads_start=%d threads\n', m);
    const wg = new sync.WaitGroup();
    for (let i = 0; i < 5; i++) {
      yield* wg.Add(1);
      yield* go(function* (): Go {
        yield* runtime.LockOSThread(); // never unlocked: the thread exits with the goroutine
        yield* time.Sleep(ms(200));
        yield* wg.Done();
      });
    }
    yield* time.Sleep(ms(100));
    m = yield* threads();
    yield* fmt.Printf('MEASURE threads_locked=%d threads\n', m);
    yield* wg.Wait();
    yield* time.Sleep(ms(100));
    m = yield* threads();
    yield* fmt.Printf('MEASURE threads_after=%d threads\n', m);
    yield* fmt.Println('done');
  }
  return { main, linksOS: true };
}
