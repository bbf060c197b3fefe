// Quiz 5: "Is CGO handled like network I/O?"
// Answer: no. A cgo call is entered exactly like a blocking syscall (entersyscall/exitsyscall):
// the thread is inside C, the runtime cannot park the goroutine, and sysmon hands the P off. Many
// concurrent cgo calls mean many threads — unlike network I/O, which parks goroutines on the
// netpoller.
//
// 100 goroutines call a C function that takes 20 ms (like C.usleep(20000)), then 100 goroutines
// wait 20 ms on network reads.
//
// Look for: ~100 extra threads after the cgo phase; none added by the network phase.
//
// Go version: shown with go1.19 (the default); in Go 1.26 a cgo call is still entered like a blocking
// syscall, so the answer and the thread count are the same (the P's state during the call differs
// as for syscalls: see blocking-3-syscall.ts).
//
//   node bin/gmpsim.js run examples/quiz-5-cgo-is-blocking.ts --summary
import { go, cgo, net, sync, fmt, ms, pprof, type Go } from 'gmpsim';

export const config = { gomaxprocs: 4, linksCgo: true };

function* cCall(wg: sync.WaitGroup): Go {
  yield* cgo.Call(ms(20), 'C.usleep', { sleep: true });
  yield* wg.Done();
}

function* netCall(wg: sync.WaitGroup): Go {
  yield* net.Read(ms(20));
  yield* wg.Done();
}

function* phase(label: string, f: (wg: sync.WaitGroup) => Go): Go {
  const before = yield* pprof.Lookup('threadcreate').Count();
  const wg = new sync.WaitGroup();
  for (let i = 0; i < 100; i++) {
    yield* wg.Add(1);
    yield* go(f, wg);
  }
  yield* wg.Wait();
  const after = yield* pprof.Lookup('threadcreate').Count();
  yield* fmt.Printf('%-22s threads %d -> %d\n', label, before, after);
}

export function* main(): Go {
  yield* phase('100 cgo calls:', cCall);
  yield* phase('100 network reads:', netCall);
}
