/**
 * Twin of conformance/programs/thread_limit.go (debug.SetMaxThreads(20) + 30 goroutines in a 1 s
 * syscall.Nanosleep → "thread exhaustion"). A twin because the Go frontend cannot compile every program
 * yet; it mirrors the Go program statement by statement.
 */
import { debug, fmt, go, s, sync, syscall, type Go } from '../../src/workload/api.js';
import type { Env, TwinProgram } from './_common.js';

export function program(_env: Env): TwinProgram {
  function* main(): Go {
    yield* debug.SetMaxThreads(20);
    const wg = new sync.WaitGroup();
    for (let i = 0; i < 30; i++) {
      yield* wg.Add(1);
      yield* go(function* (): Go {
        yield* syscall.Nanosleep(s(1));
        yield* wg.Done();
      });
    }
    yield* wg.Wait();
    yield* fmt.Println('survived: the thread limit was not hit');
  }
  return { main, linksOS: true };
}
