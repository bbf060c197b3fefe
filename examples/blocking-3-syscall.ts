// Blocking scenario 3 of 4: a file/OS syscall. entersyscall leaves the P in _Psyscall; the M is
// stuck in the kernel with its G. If the call lasts, sysmon retakes the P (two observations ≥ 20 µs
// apart; at once if the P's queue has work or nobody is idle) and handoffp gives it to another M
// — creating one if none is idle. On return, exitsyscall tries to get a P back; without one, the G
// goes to the global run queue and the M goes idle (threads are never freed).
//
// 8 goroutines each make 5 reads of 5 ms on GOMAXPROCS=2 while 4 goroutines compute.
//
// Look for: schedtrace's threads= climbs past gomaxprocs=; --summary's "handed off their P" and
// retakes "run queue not empty"; exits that took the old P back vs. an idle P vs. the global queue.
//
// Go version: shown with go1.19 (the default). Go 1.26 differs in how the P waits: entersyscall
// leaves it _Prunning and wired to the blocked M (there is no _Psyscall any more); sysmon's retake
// takes it with setBlockOnExitSyscall and hands it off as before, and exitsyscall gets it back
// unless it was taken. Threads still climb past GOMAXPROCS; in a 1.26 scheddetail dump a P whose M
// is in a syscall shows status=1 with that M, never status=2. Compare: --go 1.19,1.26 --summary.
//
//   GODEBUG=schedtrace=5 node bin/gmpsim.js run examples/blocking-3-syscall.ts --summary
import { go, syscall, sync, fmt, work, ms, us, pprof, type Go } from 'gmpsim';

export const config = { gomaxprocs: 2 };

function* reader(wg: sync.WaitGroup): Go {
  for (let i = 0; i < 5; i++) yield* syscall.Read(3, ms(5));
  yield* wg.Done();
}

function* compute(wg: sync.WaitGroup): Go {
  for (let i = 0; i < 20; i++) yield* work(ms(1), { callEvery: us(20) });
  yield* wg.Done();
}

export function* main(): Go {
  const wg = new sync.WaitGroup();
  for (let i = 0; i < 8; i++) {
    yield* wg.Add(1);
    yield* go(reader, wg);
  }
  for (let i = 0; i < 4; i++) {
    yield* wg.Add(1);
    yield* go(compute, wg);
  }
  yield* wg.Wait();
  yield* fmt.Println('threads:', yield* pprof.Lookup('threadcreate').Count(), 'for GOMAXPROCS=2');
}
