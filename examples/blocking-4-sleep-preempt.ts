// Blocking scenario 4 of 4: time.Sleep and long-running goroutines.
// - time.Sleep parks the goroutine on a timer in its P's heap; the timer is run by whichever M
//   next enters the scheduler on that P (or steals from it), and the sleeper lands in that P's
//   runnext. No thread blocks.
// - A goroutine that computes without yielding is preempted by sysmon: retake notices the P's
//   schedtick has not moved for 10 ms, sets the preempt flag and sends SIGURG (async preemption);
//   the goroutine goes to the global run queue and the others run.
//
// On GOMAXPROCS=1 a spinner loops forever while main sleeps 1 ms in a loop.
//
// Look for: main wakes only every ≈10–20 ms, not every 1 ms (it must wait for the spinner's
// preemption); with GODEBUG=asyncpreemptoff=1 main never wakes (the run stops at --until).
//
// Go version: shown with go1.19 (the default). Go 1.26 preempts the spinner the same way (sysmon,
// 10 ms, SIGURG); its timers live in the reworked per-P heap of Go 1.23, and a preempted goroutine's
// requeue also wakes an idle P (goschedImpl → wakep), which does not matter at GOMAXPROCS=1.
//
//   node bin/gmpsim.js run examples/blocking-4-sleep-preempt.ts
//   GODEBUG=asyncpreemptoff=1 node bin/gmpsim.js run examples/blocking-4-sleep-preempt.ts --until 1s
import { go, time, work, fmt, ms, s, type Go } from 'gmpsim';

export const config = { gomaxprocs: 1 };

function* spinner(): Go {
  yield* work(3600 * s(1)); // for { x++ }: no function calls, only async preemption can stop it
}

export function* main(): Go {
  yield* go(spinner);
  for (let i = 0; i < 5; i++) {
    const t0 = yield* time.Now();
    yield* time.Sleep(ms(1));
    const slept = (yield* time.Now()) - t0;
    yield* fmt.Printf('asked for 1ms, slept %.1fms\n', slept / 1e6);
  }
}
