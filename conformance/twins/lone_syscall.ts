/**
 * Twin of conformance/programs/lone_syscall.go (GOMAXPROCS=1, main alone in a long syscall.Nanosleep still
 * loses its P; optional BUSY_MS CPU burn first so sysmon has backed off). A twin because the Go frontend
 * cannot compile every program yet; it mirrors the Go program statement by statement (the burn loop
 * `for time.Now().Before(end) {}` is _common.burn).
 */
import { fmt, ms, type Go } from '../../src/workload/api.js';
import { burn, sleepSyscall, type Env, type TwinProgram } from './_common.js';

const envInt = (env: Env, k: string): number | null => (/^-?\d+$/.test(env[k] ?? '') ? Number(env[k]) : null);

export function program(env: Env): TwinProgram {
  function* main(): Go {
    const sys = envInt(env, 'SYSCALL_MS') ?? 700;
    const busy = envInt(env, 'BUSY_MS');
    if (busy !== null) yield* burn(ms(busy));
    yield* sleepSyscall(ms(sys));
    yield* fmt.Println('done');
  }
  return { main, linksOS: true };
}
