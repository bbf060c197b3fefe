// processFiles: blocking file reads, but the P is handed off.
// The seed's example: for each file, os.ReadFile (a blocking read) then process(data). Each read
// parks its M in the kernel with the G; sysmon retakes the P so the other goroutines keep running.
import { go, work, os, sync, ms, us, type Go } from 'gmpsim';

export const config = { gomaxprocs: 2 };

function* processFiles(files: string[], wg: sync.WaitGroup): Go {
  for (const f of files) {
    yield* os.ReadFile(f, { latency: ms(2) });
    yield* work(us(400)); // process(data)
  }
  yield* wg.Done();
}

export function* main(): Go {
  const wg = new sync.WaitGroup();
  for (let w = 0; w < 4; w++) {
    yield* wg.Add(1);
    yield* go(processFiles, [`/srv/${w}/a.log`, `/srv/${w}/b.log`, `/srv/${w}/c.log`], wg);
  }
  yield* wg.Wait();
}
