/**
 * Twin of conformance/programs/handoff_latency.go (how long a runnable goroutine waits for the P when main
 * enters a fresh 20 ms syscall.Nanosleep, after PRE = none | sleep | spin of PRE_MS; and how late the raw
 * nanosleep returns). The frontend compiles the Go program; the twin is preferred for speed (the spin
 * variants are 250 ms of `for time.Now().Before(end) {}`), and test/engine/timing.test.ts runs it. It mirrors
 * the Go program statement by statement (burn = that loop as Work).
 */
import { chan, close, fmt, go, ms, recv, runtime, time, type Go } from '../../src/workload/api.js';
import { burn, sleepSyscall, type Env, type TwinProgram } from './_common.js';

export function program(env: Env): TwinProgram {
  const envInt = (name: string, def: number): number => (/^-?\d+$/.test(env[name] ?? '') ? Number(env[name]) : def);
  function* main(): Go {
    const pre = env.PRE ?? '';
    const preD = ms(envInt('PRE_MS', 0));
    const sys = ms(envInt('SYSCALL_MS', 20));
    const trials = 5;
    const handoff: number[] = [];
    const late: number[] = [];
    for (let i = 0; i < trials; i++) {
      if (pre === 'sleep') yield* time.Sleep(preD);
      else if (pre === 'spin') yield* burn(preD);
      let t1 = 0;
      const got = chan<void>();
      yield* go(function* (): Go {
        t1 = yield* runtime.nanotime();
        yield* close(got);
      });
      const t0 = yield* runtime.nanotime();
      yield* sleepSyscall(sys);
      const t2 = yield* runtime.nanotime();
      yield* recv(got);
      handoff.push((t1 - t0) / 1e3);
      late.push((t2 - t0 - sys) / 1e3);
    }
    yield* fmt.Printf('MEASURE handoff_first_us=%.1f us\n', handoff[0]);
    for (const h of handoff) yield* fmt.Printf('MEASURE handoff_us=%.1f us\n', h);
    for (const l of late) yield* fmt.Printf('MEASURE nanosleep_late_us=%.1f us\n', l);
    yield* fmt.Println('done');
  }
  return { main, linksOS: true };
}
