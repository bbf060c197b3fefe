/**
 * Twin of conformance/programs/os_exit.go (os.Exit(3): no deferred calls, other goroutines not waited for).
 * A twin because the Go frontend cannot compile every program yet; it mirrors the Go program statement by
 * statement (the deferred call never runs, so it has no statement here).
 */
import { fmt, go, os, s, time, type Go } from '../../src/workload/api.js';
import type { Env, TwinProgram } from './_common.js';

export function program(_env: Env): TwinProgram {
  function* main(): Go {
    yield* go(function* (): Go {
      yield* time.Sleep(s(1));
      yield* fmt.Println('goroutine finished (must not appear)');
    });
    yield* fmt.Println('before exit');
    yield* os.Exit(3);
  }
  return { main, linksOS: true };
}
