// Go's deadlock detector (checkdead): main waits on a channel nobody will ever send on, and the
// only other goroutine blocks in `select {}`. When the last thread goes idle, checkdead finds every
// goroutine parked, no timer pending and no thread in a syscall or netpoll, and the runtime dies
// with Go's exact text and exit status 2 (runtime-spec §13, §20.3).
//
// Go version: shown with go1.19 (the default). Go 1.26 detects the deadlock identically and prints
// the same `fatal error: all goroutines are asleep - deadlock!` and exit status 2; its dump's
// `created by` lines end in ` in goroutine N` (since Go 1.21).
//
//   node bin/gmpsim.js run examples/deadlock.ts; echo "exit status $?"
import { go, chan, recv, select, type Go } from 'gmpsim';

export const config = { gomaxprocs: 1, linksOS: false };

export function* main(): Go {
  const ch = chan<number>();
  yield* go(function* () {
    yield* select([]);
  });
  yield* recv(ch);
}
