// The seed's "Observing Thread Growth": 100 goroutines each read /dev/urandom with os.ReadFile.
// A file read is a blocking syscall: the thread (M) is stuck in the kernel, so sysmon retakes its P
// (_Psyscall → handoffp → startm) and a new M is made to keep the P busy.
//
// Look for: with GODEBUG=schedtrace=… the SCHED lines' threads= grows far past gomaxprocs= and never
// comes back down (threads are not freed); idlethreads= ends close to the number of threads that
// were created for the reads.
//
// A difference from the real program: os.ReadFile("/dev/urandom") never reaches EOF, so the seed's
// Go program reads (and allocates) until memory runs out. Here each read takes `readLatencyUs` and
// ends, so the run finishes and shows the thread growth the seed describes.
//
// Go version: shown with go1.19 (the default). Go 1.26 grows threads the same way; the difference is
// the P's state during each read (stays _Prunning with its M until sysmon takes it, no _Psyscall),
// and its SCHED lines have needspinning= and schedticks=[ … ]. Compare: --go 1.19,1.26 --summary.
//
//   GODEBUG=schedtrace=100 node bin/gmpsim.js run examples/urandom.ts
import { go, sync, os, fmt, pprof, us, type Go } from 'gmpsim';

export const config = { gomaxprocs: 2 };

/** How long one os.ReadFile("/dev/urandom") keeps its thread in the kernel (it reads a lot: 300 ms). */
export const params = { readLatencyUs: 300_000 };

function* reader(wg: sync.WaitGroup): Go {
  yield* os.ReadFile('/dev/urandom', { latency: us(params.readLatencyUs) });
  yield* wg.Done();
}

export function* main(): Go {
  const wg = new sync.WaitGroup();
  for (let i = 0; i < 100; i++) {
    yield* wg.Add(1);
    yield* go(reader, wg);
  }
  yield* wg.Wait();
  const threads = yield* pprof.Lookup('threadcreate').Count();
  yield* fmt.Println('threads:', threads, '(GOMAXPROCS is 2: thread count can exceed GOMAXPROCS)');
}
