/**
 * Twin of conformance/programs/runnext_order10.go (runnext LIFO, local queue FIFO; GOMAXPROCS=1).
 * A twin because the Go frontend cannot compile every program yet (compare.ts uses the frontend when it
 * can); it mirrors the Go program statement by statement.
 */
import { fmt, go, sync, type Go } from '../../src/workload/api.js';
import type { Env, TwinProgram } from './_common.js';

export function program(_env: Env): TwinProgram {
  function* main(): Go {
    const n = 10;
    const wg = new sync.WaitGroup();
    const mu = new sync.Mutex();
    const order: number[] = [];
    for (let i = 0; i < n; i++) {
      yield* wg.Add(1);
      yield* go(function* (i: number): Go {
        yield* mu.Lock();
        order.push(i);
        yield* mu.Unlock();
        yield* wg.Done(); // defer wg.Done()
      }, i);
    }
    yield* wg.Wait();
    yield* fmt.Println('ORDER ' + order.map(String).join(' '));
  }
  return { main, linksOS: true };
}
