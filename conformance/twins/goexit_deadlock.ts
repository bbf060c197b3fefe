/**
 * Twin of conformance/programs/goexit_deadlock.go (main calls runtime.Goexit, no other user goroutine).
 * Twin note: the workload API does not run deferred calls on Goexit, so the deferred fmt.Println is written
 * just before the Goexit call (the same output order). A twin because the Go frontend cannot compile every
 * program yet.
 */
import { fmt, runtime, type Go } from '../../src/workload/api.js';
import type { Env, TwinProgram } from './_common.js';

export function program(_env: Env): TwinProgram {
  function* main(): Go {
    yield* fmt.Println('deferred call ran'); // defer fmt.Println(...) — runs as Goexit unwinds
    yield* runtime.Goexit();
  }
  return { main, linksOS: true };
}
