// Quiz 2: "What happens to P when M enters a blocking syscall?"
// Answer: entersyscall unwires the P (it becomes _Psyscall, owned by nobody); if the call lasts,
// sysmon retakes it and handoffp gives it to another M, which keeps running the P's goroutines.
// The original M stays blocked with its G until the kernel returns.
//
// With GOMAXPROCS=1 — a single P — one goroutine makes a 50 ms syscall while main ticks after
// every 8 ms of CPU work. The ticker keeps printing during the syscall: the only P was handed to
// another thread.
//
// Look for: ticks continue while "in syscall"; with GODEBUG=schedtrace=10,scheddetail=1 the P's
// m= changes and the syscall's M shows p=-1 curg=<its G>.
//
// Go version: the answer above is go1.19's (the default). Go 1.26 answers differently in form: the P
// does not detach when the syscall starts — it stays _Prunning, wired to the blocked M — and sysmon
// detaches it (setBlockOnExitSyscall + takeP) when it retakes, then handoffp gives it to another M as
// before, so the ticks still continue. With --go 1.26 and scheddetail, the P keeps m=<the blocked M>
// until the retake, and there is no status=2.
//
//   node bin/gmpsim.js run examples/quiz-2-p-detaches.ts
import { go, syscall, time, fmt, work, ms, us, type Go } from 'gmpsim';

export const config = { gomaxprocs: 1 };

function* blocker(t0: number): Go {
  yield* fmt.Printf('%5.1fms  blocker: entering a 50ms syscall\n', ((yield* time.Now()) - t0) / 1e6);
  yield* syscall.Syscall(ms(50), 'read');
  yield* fmt.Printf('%5.1fms  blocker: syscall returned\n', ((yield* time.Now()) - t0) / 1e6);
}

export function* main(): Go {
  const t0 = yield* time.Now();
  yield* go(blocker, t0);
  for (let i = 0; i < 8; i++) {
    yield* work(ms(8), { callEvery: us(10) });
    yield* fmt.Printf('%5.1fms  main: tick %d (the only P is running me)\n', ((yield* time.Now()) - t0) / 1e6, i);
  }
  yield* time.Sleep(ms(10));
}
