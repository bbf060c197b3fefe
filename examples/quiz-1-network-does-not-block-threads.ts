// Quiz 1: "Why doesn't network I/O block OS threads in Go?"
// Answer: network sockets are non-blocking and watched by the netpoller (epoll). A goroutine whose
// read would block parks in "IO wait" and its thread runs other goroutines. A file read cannot be
// polled: the thread blocks in the kernel, and the runtime needs another thread for the P.
//
// The program does the same thing twice — 100 goroutines each waiting 5 ms for data — first on
// network connections, then on blocking file reads, and prints the thread count after each.
//
// Look for: the network phase leaves threads where they were; the file phase adds ~100.
//
// Go version: shown with go1.19 (the default); the answer is the same for Go 1.26: network waits
// park goroutines, blocking file reads hold threads. (1.26 only changes how the P waits during the
// file read: see blocking-3-syscall.ts.)
//
//   node bin/gmpsim.js run examples/quiz-1-network-does-not-block-threads.ts
import { go, net, syscall, sync, fmt, ms, pprof, type Go } from 'gmpsim';

export const config = { gomaxprocs: 2 };

function* netWait(wg: sync.WaitGroup): Go {
  yield* net.Read(ms(5));
  yield* wg.Done();
}

function* fileWait(wg: sync.WaitGroup): Go {
  yield* syscall.Read(3, ms(5));
  yield* wg.Done();
}

function* phase(name: string, f: (wg: sync.WaitGroup) => Go): Go {
  const wg = new sync.WaitGroup();
  for (let i = 0; i < 100; i++) {
    yield* wg.Add(1);
    yield* go(f, wg);
  }
  yield* wg.Wait();
  yield* fmt.Printf('%-28s threads=%d\n', name, yield* pprof.Lookup('threadcreate').Count());
}

export function* main(): Go {
  yield* fmt.Printf('%-28s threads=%d\n', 'start:', yield* pprof.Lookup('threadcreate').Count());
  yield* phase('after 100 network reads:', netWait);
  yield* phase('after 100 file reads:', fileWait);
}
