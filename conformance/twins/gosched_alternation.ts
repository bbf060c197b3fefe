/**
 * Twin of conformance/programs/gosched_alternation.go (runtime.Gosched round-robin through the global
 * queue; GOMAXPROCS=1). A twin because the Go frontend cannot compile every program yet; it mirrors the Go
 * program statement by statement.
 */
import { fmt, go, runtime, sync, type Go } from '../../src/workload/api.js';
import type { Env, TwinProgram } from './_common.js';

export function program(_env: Env): TwinProgram {
  function* main(): Go {
    const wg = new sync.WaitGroup();
    const mu = new sync.Mutex();
    const order: string[] = [];
    function* worker(name: string): Go {
      for (let i = 0; i < 6; i++) {
        yield* mu.Lock();
        order.push(fmt.Sprintf('%s%d', name, i));
        yield* mu.Unlock();
        yield* runtime.Gosched();
      }
      yield* wg.Done();
    }
    yield* wg.Add(2);
    yield* go(worker, 'A');
    yield* go(worker, 'B');
    yield* wg.Wait();
    yield* fmt.Println('ORDER ' + order.join(' '));
  }
  return { main, linksOS: true };
}
