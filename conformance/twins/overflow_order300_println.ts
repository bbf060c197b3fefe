/**
 * Twin of conformance/programs/overflow_order300_println.go (the 300-goroutine order without the
 * finalizer goroutine: the program imports only time, so linksOS=false; builtin println to stderr).
 * A twin because the Go frontend cannot compile every program yet; it mirrors the Go program statement by
 * statement.
 */
import { go, ms, println, time, type Go } from '../../src/workload/api.js';
import type { Env, TwinProgram } from './_common.js';

export function program(_env: Env): TwinProgram {
  function* main(): Go {
    for (let i = 0; i < 300; i++) {
      yield* go(function* (i: number): Go {
        yield* println(i);
      }, i);
    }
    yield* time.Sleep(ms(100));
  }
  return { main, linksOS: false };
}
