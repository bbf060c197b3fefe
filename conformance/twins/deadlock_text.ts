/**
 * Twin of conformance/programs/deadlock_text.go (checkdead's "all goroutines are asleep" report). The Go
 * program imports nothing, so linksOS=false (no finalizer goroutine). A twin because the Go frontend cannot
 * compile every program yet; it mirrors the Go program statement by statement.
 */
import { chan, go, recv, select, type Go } from '../../src/workload/api.js';
import type { Env, TwinProgram } from './_common.js';

export function program(_env: Env): TwinProgram {
  function* main(): Go {
    const ch = chan<number>();
    yield* go(function* (): Go {
      yield* select([]);
    });
    yield* recv(ch);
  }
  return { main, linksOS: false };
}
