// vs-go twin of pingpong.go: 10k pairs ping-ponging 100 times over two unbuffered channels.
import { go, sync, chan, send, recv, fmt, type Chan, type Go } from 'gmpsim';

export const config = { gomaxprocs: 8 };

const rounds = 100;

function* pinger(a: Chan<number>, b: Chan<number>, wg: sync.WaitGroup): Go {
  for (let i = 0; i < rounds; i++) {
    yield* send(a, i);
    yield* recv(b);
  }
  yield* wg.Done();
}

function* ponger(a: Chan<number>, b: Chan<number>, wg: sync.WaitGroup): Go {
  for (let i = 0; i < rounds; i++) {
    const [v] = yield* recv(a);
    yield* send(b, v);
  }
  yield* wg.Done();
}

export function* main(): Go {
  const pairs = 10_000;
  const wg = new sync.WaitGroup();
  for (let p = 0; p < pairs; p++) {
    const a = chan<number>();
    const b = chan<number>();
    yield* wg.Add(2);
    yield* go(pinger, a, b, wg);
    yield* go(ponger, a, b, wg);
  }
  yield* wg.Wait();
  yield* fmt.Println('done', pairs);
}
