/**
 * Twin of conformance/programs/overflow_order300_fmt.go (the 300-goroutine order when every goroutine calls
 * fmt.Println itself — a write(2) through entersyscall/exitsyscall; WAIT=wg or WAIT=sleep). A twin because
 * the Go frontend cannot compile every program yet; it mirrors the Go program statement by statement.
 */
import { fmt, go, ms, sync, time, type Go } from '../../src/workload/api.js';
import type { Env, TwinProgram } from './_common.js';

export function program(env: Env): TwinProgram {
  function* main(): Go {
    if (env.WAIT === 'sleep') {
      for (let i = 0; i < 300; i++) {
        yield* go(function* (i: number): Go {
          yield* fmt.Println(i);
        }, i);
      }
      yield* time.Sleep(ms(200));
      return;
    }
    const wg = new sync.WaitGroup();
    for (let i = 0; i < 300; i++) {
      yield* wg.Add(1);
      yield* go(function* (i: number): Go {
        yield* fmt.Println(i);
        yield* wg.Done();
      }, i);
    }
    yield* wg.Wait();
  }
  return { main, linksOS: true };
}
