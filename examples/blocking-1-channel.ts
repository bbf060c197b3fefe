// Blocking scenario 1 of 4: channel / mutex. The goroutine is parked (gopark) on the channel's or
// the mutex's wait queue and its M simply runs the next goroutine from the P's run queue: no
// thread ever blocks, none is created.
//
// A producer hands items to 8 consumers over an unbuffered channel; the consumers update a
// counter under a sync.Mutex. When a send completes a receive, the receiver is made runnable in
// the runnext slot of the sender's P (goready), so it runs next on the same thread.
//
// Look for: threads stay at GOMAXPROCS + 2 (sysmon and the startup thread); goroutines are
// "waiting" (chan receive / semacquire) rather than "syscall"; handoffs and retakes are 0.
//
// Go version: shown with go1.19 (gmpsim's default). Go 1.26 (--go 1.26) schedules this the same way:
// channel and mutex waits never involved threads. What reads differently: a 1.26 goroutine dump
// names the wait `sync.Mutex.Lock` where 1.19 says `semacquire`, and a 1.26 process has one more
// runtime goroutine (the GOMAXPROCS updater), so --summary's system goroutines are 5, not 4.
//
//   node bin/gmpsim.js run examples/blocking-1-channel.ts --summary
import { go, chan, send, recv, close, sync, fmt, work, us, pprof, type Chan, type Go } from 'gmpsim';

export const config = { gomaxprocs: 2 };

function* consumer(items: Chan<number>, mu: sync.Mutex, total: { n: number }, wg: sync.WaitGroup): Go {
  for (;;) {
    const [v, ok] = yield* recv(items);
    if (!ok) break;
    yield* work(us(5)); // handle the item
    yield* mu.Lock();
    total.n += v;
    yield* mu.Unlock();
  }
  yield* wg.Done();
}

export function* main(): Go {
  const items = chan<number>();
  const mu = new sync.Mutex();
  const total = { n: 0 };
  const wg = new sync.WaitGroup();
  for (let i = 0; i < 8; i++) {
    yield* wg.Add(1);
    yield* go(consumer, items, mu, total, wg);
  }
  for (let i = 1; i <= 1000; i++) yield* send(items, i);
  yield* close(items);
  yield* wg.Wait();
  yield* fmt.Println('sum:', total.n, 'threads:', yield* pprof.Lookup('threadcreate').Count());
}
