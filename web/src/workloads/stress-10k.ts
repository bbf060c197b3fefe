// 10,000 goroutines: queues, steals and the netpoller at scale.
// main starts 10k goroutines that each do a little CPU work, a network read and a sleep. Watch the
// local queues fill (256 max: runqputslow spills half to the global queue), idle Ps steal half a
// queue, and thousands of Gs park on the netpoller — the picture shows counts, not 10k chips.
import { go, work, net, time, sync, us, ms, type Go } from 'gmpsim';

export const config = { gomaxprocs: 8 };

function* task(i: number, wg: sync.WaitGroup): Go {
  yield* work(us(20 + (i % 7) * 5));
  yield* net.Read(ms(1 + (i % 5)));
  yield* time.Sleep(us(500));
  yield* wg.Done();
}

export function* main(): Go {
  const wg = new sync.WaitGroup();
  for (let i = 0; i < 10_000; i++) {
    yield* wg.Add(1);
    yield* go(task, i, wg);
  }
  yield* wg.Wait();
}
