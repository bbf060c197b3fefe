// The seed's processFiles: one goroutine reads files one after another and processes each.
//
//   func processFiles(files []string) {
//       for _, f := range files {
//           data, _ := os.ReadFile(f)  // Blocking, but P handed off
//           process(data)
//       }
//   }
//
// Here four such workers share GOMAXPROCS=2 with a CPU-bound goroutine. While a worker is in
// read(2), sysmon sees its P in _Psyscall on two successive ticks and — because that P's run queue
// has work — retakes it: handoffp starts another M, and the other goroutines keep running. When
// the read returns, exitsyscall tries to get the old P back (exitsyscallfast), else any idle P,
// else the worker goes to the global run queue and its thread idles.
//
// Look for (--summary): syscalls split into "handed off" and "kept it"; retakes; threads > 2.
//
// Go version: shown with go1.19 (the default). Under Go 1.26 the worker's P is not put in _Psyscall
// during read(2): it stays _Prunning with the blocked M until sysmon takes it (setBlockOnExitSyscall);
// the handoff that keeps the other goroutines running is the same. Compare: --go 1.19,1.26 --summary.
//
//   node bin/gmpsim.js run examples/process-files.ts --summary
import { go, sync, os, fmt, work, us, ms, type Go } from 'gmpsim';

export const config = { gomaxprocs: 2 };
export const params = { files: 20, readUs: 300, processUs: 200 };

function* processFiles(id: number, files: string[], wg: sync.WaitGroup): Go {
  let bytes = 0;
  for (const f of files) {
    yield* os.ReadFile(f, { latency: us(params.readUs) }); // blocking read: the P may be handed off
    yield* work(us(params.processUs)); // process(data): CPU work on the P
    bytes += 4096;
  }
  yield* fmt.Println('worker', id, 'processed', files.length, 'files,', bytes, 'bytes');
  yield* wg.Done();
}

function* cpuHog(done: { stop: boolean }): Go {
  while (!done.stop) yield* work(ms(1), { callEvery: us(10) });
}

export function* main(): Go {
  const wg = new sync.WaitGroup();
  const done = { stop: false };
  yield* go(cpuHog, done);
  for (let w = 0; w < 4; w++) {
    const files = Array.from({ length: params.files }, (_, i) => `/data/w${w}/file${i}.dat`);
    yield* wg.Add(1);
    yield* go(processFiles, w, files, wg);
  }
  yield* wg.Wait();
  done.stop = true;
}
