/**
 * Twin of conformance/programs/schedtrace_cadence.go (when sysmon prints schedtrace lines: main sleeps
 * 3.5 s, optionally next to a spinning goroutine with BUSY=1). A twin because the Go frontend cannot compile
 * every program yet; it mirrors the Go program statement by statement.
 */
import { fmt, go, ms, time, work, type Go } from '../../src/workload/api.js';
import type { Env, TwinProgram } from './_common.js';

export function program(env: Env): TwinProgram {
  function* main(): Go {
    if (env.BUSY === '1') {
      yield* go(function* (): Go {
        for (;;) yield* work(time.Hour); // for { x++ }
      });
    }
    yield* time.Sleep(ms(3500));
    yield* fmt.Println('done');
  }
  return { main, linksOS: true };
}
