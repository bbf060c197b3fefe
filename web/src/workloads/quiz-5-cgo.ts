// Quiz A5: cgo is handled like a blocking syscall, not like network I/O.
// Two goroutines call into C for 12 ms while two others have CPU work. Each cgo call is an
// entersyscall: the P goes to _Psyscall and sysmon retakes it (handoffp → startm), so threads grow —
// unlike net.Read, which would park the G on the netpoller.
import { go, cgo, work, sync, ms, type Go } from 'gmpsim';

export const config = { gomaxprocs: 2 };

function* callC(wg: sync.WaitGroup): Go {
  yield* cgo.Call(ms(12), 'C.compress');
  yield* wg.Done();
}

function* cpu(wg: sync.WaitGroup): Go {
  yield* work(ms(3), { callEvery: ms(1) });
  yield* wg.Done();
}

export function* main(): Go {
  const wg = new sync.WaitGroup();
  yield* wg.Add(4);
  yield* go(callC, wg);
  yield* go(callC, wg);
  yield* go(cpu, wg);
  yield* go(cpu, wg);
  yield* wg.Wait();
}
