// vs-go twin of pipes.go: 9k goroutines each blocked in a read(2) of its own pipe, holding a thread.
// The workload API has no pipe objects: each read waits 50 ms (the time main sleeps before writing in
// pipes.go) plus the write loop's position, in the kernel, as syscall.Read(fd, ns) models it.
import { go, sync, syscall, fmt, ms, us, type Go } from 'gmpsim';

export const config = { gomaxprocs: 8 };

function* reader(fd: number, ns: number, wg: sync.WaitGroup): Go {
  yield* syscall.Read(fd, ns);
  yield* wg.Done();
}

export function* main(): Go {
  const n = 9_000;
  const wg = new sync.WaitGroup();
  for (let i = 0; i < n; i++) {
    yield* wg.Add(1);
    yield* go(reader, 3 + 2 * i, ms(50) + i * us(1), wg);
  }
  yield* wg.Wait();
  yield* fmt.Println('done', n);
}
