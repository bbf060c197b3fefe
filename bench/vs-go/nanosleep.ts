// vs-go twin of nanosleep.go: 10k goroutines each in a 1 ms syscall.Nanosleep (a blocking syscall).
import { go, sync, syscall, fmt, ms, type Go } from 'gmpsim';

export const config = { gomaxprocs: 8 };

function* sleeper(wg: sync.WaitGroup): Go {
  yield* syscall.Nanosleep(ms(1));
  yield* wg.Done();
}

export function* main(): Go {
  const n = 10_000;
  const wg = new sync.WaitGroup();
  for (let i = 0; i < n; i++) {
    yield* wg.Add(1);
    yield* go(sleeper, wg);
  }
  yield* wg.Wait();
  yield* fmt.Println('done', n);
}
