/**
 * Twin of conformance/programs/startup_threads.go (threads when main.main starts, per GOMAXPROCS).
 * Twin note: os_threads_at_main (/proc/self/task) is not printed (not modelled). A twin because the Go
 * frontend cannot compile every program yet.
 */
import { fmt, ms, time, type Go } from '../../src/workload/api.js';
import { threads, type Env, type TwinProgram } from './_common.js';

export function program(_env: Env): TwinProgram {
  function* main(): Go {
    const m = yield* threads();
    yield* fmt.Printf('MEASURE threads_at_main=%d threads\n', m);
    yield* time.Sleep(ms(20));
    yield* fmt.Printf('MEASURE threads_after_20ms=%d threads\n', yield* threads());
  }
  return { main, linksOS: true };
}
