// 100 × os.ReadFile("/dev/urandom"): thread growth beyond GOMAXPROCS.
// The seed's "Observing Thread Growth": 100 goroutines each do a blocking read. Every retake hands
// the P to another M, and with no idle M, startm → newm: watch threads climb far above GOMAXPROCS
// in the chart, then the Ms park on the idle list when the reads return.
import { go, os, sync, ms, type Go } from 'gmpsim';

export const config = { gomaxprocs: 4, godebug: 'schedtrace=5' };

function* reader(wg: sync.WaitGroup): Go {
  yield* os.ReadFile('/dev/urandom', { latency: ms(20) });
  yield* wg.Done();
}

export function* main(): Go {
  const wg = new sync.WaitGroup();
  for (let i = 0; i < 100; i++) {
    yield* wg.Add(1);
    yield* go(reader, wg);
  }
  yield* wg.Wait();
}
