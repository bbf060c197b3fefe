/**
 * Twin of conformance/programs/cgo_deadlock.go (deadlock detection never fires in a cgo-linked binary):
 * linksCgo=true, one C.getpid() call (a 1 µs cgo call), then the deadlock_text program. A twin because the
 * Go frontend cannot compile every program yet; it mirrors the Go program statement by statement.
 */
import { cgo, chan, fmt, go, recv, select, us, type Go } from '../../src/workload/api.js';
import type { Env, TwinProgram } from './_common.js';

export function program(_env: Env): TwinProgram {
  function* main(): Go {
    yield* cgo.Call(us(1), 'C.getpid');
    yield* fmt.Println('pid', true);
    const ch = chan<number>();
    yield* go(function* (): Go {
      yield* select([]);
    });
    yield* recv(ch);
  }
  return { main, linksOS: true, linksCgo: true };
}
