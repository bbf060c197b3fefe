// Blocking scenario 2 of 4: network I/O. A read on a socket that has no data parks the goroutine
// on the netpoller (netpollblock, "IO wait"); the M moves on to other goroutines. When data
// arrives, the next netpoll (findRunnable's, sysmon's every 10 ms, or the one M blocked in
// epoll_wait) makes the goroutine runnable again (injectglist). The M is never blocked.
//
// 200 connections, each answering after 1–20 ms.
//
// Look for: threads stay at about GOMAXPROCS + 2 however many connections wait; Gs wait in
// "IO wait" (the netpoller), not in syscalls; netpoll wake-ups in --summary.
//
// Go version: shown with go1.19 (the default). Go 1.26 parks and wakes network waiters the same
// way; its netpoll returns a waiter-count delta that the callers apply (netpollAdjustWaiters, since
// 1.22), which changes the bookkeeping, not what you see here.
//
//   GODEBUG=schedtrace=5 node bin/gmpsim.js run examples/blocking-2-network.ts --summary
import { go, net, sync, fmt, work, ms, us, pprof, type Go } from 'gmpsim';

export const config = { gomaxprocs: 2 };

function* handle(i: number, wg: sync.WaitGroup): Go {
  yield* net.Read(ms(1 + (i % 20))); // the peer answers later: park on the netpoller
  yield* work(us(20)); // parse the response
  yield* wg.Done();
}

export function* main(): Go {
  const wg = new sync.WaitGroup();
  for (let i = 0; i < 200; i++) {
    yield* wg.Add(1);
    yield* go(handle, i, wg);
  }
  yield* wg.Wait();
  yield* fmt.Println('200 responses; threads:', yield* pprof.Lookup('threadcreate').Count(), '(no M was blocked)');
}
