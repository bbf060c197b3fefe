// Blocking kind 4: time.Sleep and a long-running G — sysmon preempts.
// One G sleeps 5 ms (a timer on its P; the M is free); another runs a tight 30 ms loop without
// function calls. With GOMAXPROCS=1 the other goroutines can run only after sysmon sees the loop
// running for ≥ 10 ms: preemptone → SIGURG → asyncPreempt → the G goes to the global queue.
import { go, work, time, sync, ms, us, type Go } from 'gmpsim';

export const config = { gomaxprocs: 1 };

function* sleeper(wg: sync.WaitGroup): Go {
  yield* time.Sleep(ms(5));
  yield* work(us(100));
  yield* wg.Done();
}

function* spinner(wg: sync.WaitGroup): Go {
  yield* work(ms(30));
  yield* wg.Done();
}

function* small(wg: sync.WaitGroup): Go {
  yield* work(us(300));
  yield* wg.Done();
}

export function* main(): Go {
  const wg = new sync.WaitGroup();
  yield* wg.Add(3);
  yield* go(sleeper, wg);
  yield* go(spinner, wg);
  yield* go(small, wg);
  yield* wg.Wait();
}
