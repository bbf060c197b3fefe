// Quiz 3: "Can thread count exceed GOMAXPROCS?"
// Answer: yes. GOMAXPROCS limits the Ps — goroutines running Go code at once — not threads. Every
// M blocked in a syscall or cgo call holds a thread; sysmon hands its P to another M, creating
// threads as needed. They are never freed (runtime spec §14).
//
// 50 goroutines sleep 1 s in syscall.Nanosleep on GOMAXPROCS=2 (the spec's measured case:
// real go1.19 reports threads=52 and, after the sleeps, idlethreads=50).
//
// Look for: threads=52 in the SCHED lines, staying there after the calls return.
//
// Go version: shown with go1.19 (the default); Go 1.26 also exceeds GOMAXPROCS here (every thread
// in nanosleep still needs its P handed to another thread), and its SCHED lines add needspinning=
// and schedticks=[ … ].
//
//   GODEBUG=schedtrace=200 node bin/gmpsim.js run examples/quiz-3-threads-exceed-gomaxprocs.ts
import { go, syscall, sync, time, fmt, s, ms, runtime, pprof, type Go } from 'gmpsim';

export const config = { gomaxprocs: 2 };

function* sleeper(wg: sync.WaitGroup): Go {
  yield* syscall.Nanosleep(s(1));
  yield* wg.Done();
}

export function* main(): Go {
  const wg = new sync.WaitGroup();
  for (let i = 0; i < 50; i++) {
    yield* wg.Add(1);
    yield* go(sleeper, wg);
  }
  yield* wg.Wait();
  yield* time.Sleep(ms(300));
  const procs = yield* runtime.GOMAXPROCS(0);
  yield* fmt.Println('GOMAXPROCS:', procs, ' threads:', yield* pprof.Lookup('threadcreate').Count());
}
