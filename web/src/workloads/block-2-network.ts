// Blocking kind 2: network I/O — the netpoller parks the G, the M stays free.
// Three goroutines read from connections whose data arrives after 2–4 ms. Each parks on the
// netpoller (IO wait) and its M runs the next G. When the data arrives, netpoll (in findRunnable or
// an M blocked in epoll_wait) returns the G to a run queue. No extra thread is created for the I/O.
import { go, net, work, sync, ms, us, type Go } from 'gmpsim';

export const config = { gomaxprocs: 2 };

function* reader(i: number, wg: sync.WaitGroup): Go {
  yield* net.Read(ms(2 + i));
  yield* work(us(100));
  yield* wg.Done();
}

export function* main(): Go {
  const wg = new sync.WaitGroup();
  for (let i = 0; i < 3; i++) {
    yield* wg.Add(1);
    yield* go(reader, i, wg);
  }
  yield* wg.Wait();
}
