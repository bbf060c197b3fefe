/**
 * Twin of conformance/programs/timer_deadlock.go (a pending heap timer suppresses the deadlock report until
 * it fires; TIMER_KIND selects NewTimer(300ms), AfterFunc(300ms) or NewTimer(1h)). A twin because the Go
 * frontend cannot compile every program yet; it mirrors the Go program statement by statement.
 */
import { fmt, ms, os, select, time, type Go } from '../../src/workload/api.js';
import { msOfNs, type Env, type TwinProgram } from './_common.js';

export function program(env: Env): TwinProgram {
  function* main(): Go {
    switch (env.TIMER_KIND ?? '') {
      case 'newtimer300':
        yield* time.NewTimer(ms(300));
        break;
      case 'afterfunc300': {
        const start = yield* time.Now();
        yield* time.AfterFunc(ms(300), function* (): Go {
          const d = yield* time.Since(start);
          yield* fmt.Printf('afterfunc ran\nMEASURE afterfunc_ms=%.2f ms\n', msOfNs(d));
        });
        break;
      }
      case 'newtimer1h':
        yield* time.NewTimer(time.Hour);
        break;
      default:
        yield* fmt.Println('set TIMER_KIND');
        yield* os.Exit(1);
    }
    yield* select([]);
  }
  return { main, linksOS: true };
}
