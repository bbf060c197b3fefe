// Blocking kind 1: a channel (or mutex) — the M stays free.
// Four workers wait on an unbuffered channel. Watch each receiver park (gopark: chan receive) and its
// M pick the next G from the local queue at once: no thread blocks and none is created. When main
// sends, goready puts the receiver in the sender's P's runnext.
import { go, chan, send, recv, work, sync, us, type Go, type Chan } from 'gmpsim';

export const config = { gomaxprocs: 2 };

function* worker(c: Chan<number>, wg: sync.WaitGroup): Go {
  const [v] = yield* recv(c);
  yield* work(us(50 + v));
  yield* wg.Done();
}

export function* main(): Go {
  const c = chan<number>();
  const wg = new sync.WaitGroup();
  for (let i = 0; i < 4; i++) {
    yield* wg.Add(1);
    yield* go(worker, c, wg);
  }
  yield* work(us(200));
  for (let i = 0; i < 4; i++) yield* send(c, i);
  yield* wg.Wait();
}
