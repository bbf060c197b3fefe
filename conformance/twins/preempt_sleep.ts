/**
 * Twin of conformance/programs/preempt_sleep.go (GOMAXPROCS=1: main's 1 ms sleeps behind a goroutine
 * spinning in `for { x++ }` — only async preemption lets main run; asyncpreemptoff=1 hangs). A twin because
 * the Go frontend cannot compile every program yet; it mirrors the Go program statement by statement (the
 * spin loop is one Work op without call points).
 */
import { fmt, go, ms, time, work, type Go } from '../../src/workload/api.js';
import { msOfNs, type Env, type TwinProgram } from './_common.js';

export function program(_env: Env): TwinProgram {
  function* spin(): Go {
    for (;;) yield* work(time.Hour); // for { x++ }
  }
  function* main(): Go {
    yield* go(spin);
    for (let i = 0; i < 5; i++) {
      const t = yield* time.Now();
      yield* time.Sleep(ms(1));
      const d = msOfNs(yield* time.Since(t));
      if (i === 0) yield* fmt.Printf('MEASURE slept_first_ms=%.3f ms\n', d);
      yield* fmt.Printf('MEASURE slept_ms=%.3f ms\n', d);
    }
    yield* fmt.Println('main woke up 5 times');
  }
  return { main, linksOS: true };
}
