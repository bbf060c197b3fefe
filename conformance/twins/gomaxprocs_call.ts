/**
 * Twin of conformance/programs/gomaxprocs_call.go (runtime.GOMAXPROCS(1) from main vs GOMAXPROCS=1 in the
 * environment, then the 300-goroutine order). A twin because the Go frontend cannot compile every program
 * yet; it mirrors the Go program statement by statement.
 */
import { fmt, go, runtime, sync, type Go } from '../../src/workload/api.js';
import { compress, type Env, type TwinProgram } from './_common.js';

export function program(_env: Env): TwinProgram {
  function* main(): Go {
    const prev = yield* runtime.GOMAXPROCS(1);
    yield* fmt.Printf('GOMAXPROCS was %d\n', prev);
    const n = 300;
    const wg = new sync.WaitGroup();
    const mu = new sync.Mutex();
    const order: number[] = [];
    for (let i = 0; i < n; i++) {
      yield* wg.Add(1);
      yield* go(function* (i: number): Go {
        yield* mu.Lock();
        order.push(i);
        yield* mu.Unlock();
        yield* wg.Done();
      }, i);
    }
    yield* wg.Wait();
    yield* fmt.Println('ORDER ' + compress(order));
    for (let p = 0; p < order.length; p++) if (order[p] === 0) yield* fmt.Printf('MEASURE pos_of_0=%d index\n', p);
  }
  return { main, linksOS: true };
}
