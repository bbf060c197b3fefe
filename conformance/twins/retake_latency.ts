/**
 * Twin of conformance/programs/retake_latency.go (GOMAXPROCS=1: how long a runnable main waits while the
 * only P's goroutine sits in a blocking syscall; BUSY_MS, PRE_SLEEP_MS, SYSCALL_MS from the environment).
 * A twin because the Go frontend cannot compile every program yet; it mirrors the Go program statement by
 * statement (burn = `for time.Now().Before(end) {}`).
 */
import { chan, close, fmt, go, ms, recv, runtime, time, type Go } from '../../src/workload/api.js';
import { burn, sleepSyscall, type Env, type TwinProgram } from './_common.js';

export function program(env: Env): TwinProgram {
  const envMs = (name: string, def: number): number => ms(/^-?\d+$/.test(env[name] ?? '') ? Number(env[name]) : def);
  function* main(): Go {
    const busy = envMs('BUSY_MS', 0);
    const pre = envMs('PRE_SLEEP_MS', 0);
    const sys = envMs('SYSCALL_MS', 40);
    const trials = 5;
    if (pre > 0) yield* time.Sleep(pre);
    for (let i = 0; i < trials; i++) {
      yield* burn(busy);
      let t0 = 0;
      const done = chan<void>();
      yield* go(function* (): Go {
        t0 = yield* runtime.nanotime();
        yield* sleepSyscall(sys);
        yield* close(done);
      });
      yield* runtime.Gosched();
      const t1 = yield* runtime.nanotime();
      const lat = (t1 - t0) / 1e3;
      if (i === 0) yield* fmt.Printf('MEASURE retake_first_us=%.1f us\n', lat);
      yield* fmt.Printf('MEASURE retake_us=%.1f us\n', lat);
      yield* recv(done);
    }
    yield* fmt.Println('done');
  }
  return { main, linksOS: true };
}
