// Blocking kind 3: a file / OS syscall — the P detaches from the stuck M.
// With GOMAXPROCS=1, G-a reads a slow file (15 ms) while G-b and G-c wait in the local queue.
// Watch sysmon notice P0 in _Psyscall with work queued → retake → handoffp → startm: a new M takes
// P0 and runs the queue. When the read returns, exitsyscall finds its P gone.
import { go, work, os, sync, ms, type Go } from 'gmpsim';

export const config = { gomaxprocs: 1 };

function* reader(wg: sync.WaitGroup): Go {
  yield* os.ReadFile('/data/big.bin', { latency: ms(15) });
  yield* wg.Done();
}

function* cpu(wg: sync.WaitGroup): Go {
  yield* work(ms(2), { callEvery: ms(1) });
  yield* wg.Done();
}

export function* main(): Go {
  const wg = new sync.WaitGroup();
  yield* wg.Add(3);
  yield* go(reader, wg);
  yield* go(cpu, wg);
  yield* go(cpu, wg);
  yield* wg.Wait();
}
