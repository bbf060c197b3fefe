// Quiz 4: "What is sysmon's role in syscall handling?"
// Answer: sysmon is the runtime's monitor thread (no P). Each tick it runs retake: a P that has
// been in _Psyscall on two successive ticks is taken back and handed to another M (handoffp),
// unless nobody needs it yet. Its tick starts at 20 µs and backs off to 10 ms while nothing
// happens, so how fast a blocked P is rescued depends on how busy sysmon has been.
//
// GOMAXPROCS=1. Twice, a goroutine enters a long syscall while main is runnable, and main measures
// how long it waited for the P: first right at startup (sysmon ticking every 20 µs), then after
// 30 ms of CPU work in short slices with no syscalls (sysmon backed off to 10 ms).
//
// Look for: tens to hundreds of µs the first time, around 10 ms the second (real go1.19: 50–370 µs
// and 7–16 ms, runtime-spec §20.9).
//
// Go version: shown with go1.19 (the default); sysmon's tick and back-off are the same in Go 1.26,
// which retakes a P from a syscall through setBlockOnExitSyscall instead of a _Psyscall CAS.
//
//   node bin/gmpsim.js run examples/quiz-4-sysmon.ts
import { go, syscall, runtime, time, fmt, work, ms, s, us, type Go } from 'gmpsim';

export const config = { gomaxprocs: 1 };

function* longSyscall(): Go {
  yield* syscall.Nanosleep(s(1));
}

function* measure(label: string): Go {
  yield* go(longSyscall);
  const t0 = yield* time.Now();
  yield* runtime.Gosched(); // main waits in the global queue while the goroutine enters its syscall
  const waited = (yield* time.Now()) - t0;
  yield* fmt.Printf('%-40s main got the P back after %.3fms\n', label, waited / 1e6);
}

export function* main(): Go {
  yield* syscall.Syscall(us(1), 'getpid'); // a first, short syscall (see runtime-spec §8.1 step 1)
  yield* measure('sysmon fresh (20µs ticks):');
  for (let i = 0; i < 30; i++) {
    yield* work(ms(1));
    yield* runtime.Gosched();
  }
  yield* measure('sysmon backed off (30ms without retakes):');
}
