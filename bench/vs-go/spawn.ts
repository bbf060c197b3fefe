// vs-go twin of spawn.go through the TypeScript workload API: 1M goroutines spawned and exiting.
import { go, sync, fmt, type Go } from 'gmpsim';

export const config = { gomaxprocs: 8 };

// A named generator function, as the README's tip recommends (a closure per `go` costs more).
function* done(wg: sync.WaitGroup): Go {
  yield* wg.Done();
}

export function* main(): Go {
  const n = 1_000_000;
  const wg = new sync.WaitGroup();
  yield* wg.Add(n);
  for (let i = 0; i < n; i++) yield* go(done, wg);
  yield* wg.Wait();
  yield* fmt.Println('done', n);
}
