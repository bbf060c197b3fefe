/**
 * Twin of conformance/programs/file_worker_pool.go (8 workers os.ReadFile 400 cached files and checksum
 * them; file reads are blocking syscalls). The file sizes and FNV-1a checksums are computed from the same
 * LCG as the Go program (so stdout is comparable byte for byte); the time each step takes is a stated
 * estimate (_common.fileCost: generation 1.5 ns/B, checksum 1.3 ns/B, write 15 µs + 0.25 ns/B, read 6 µs +
 * 0.15 ns/B). Garbage collection (the Go program allocates ≈51 MB) is not modelled. os_threads_after is not
 * printed (not modelled). A twin because the Go frontend cannot compile every program yet.
 */
import { chan, close, fmt, go, recv, send, sync, syscall, time, us, work, type Go } from '../../src/workload/api.js';
import { fileCost, generatedFiles, hex16, msOfNs, threads, u64, type Env, type TwinProgram } from './_common.js';

export function program(_env: Env): TwinProgram {
  const files = 400;
  const data = generatedFiles(12345, files, 1024, 255 * 1024);
  function* main(): Go {
    let m = yield* threads();
    yield* fmt.Printf('MEASURE threads_start=%d threads\n', m);
    yield* syscall.Syscall(us(10), 'mkdir'); // os.MkdirTemp
    for (let i = 0; i < files; i++) {
      const size = data[i]!.size;
      yield* work(size * fileCost.genPerByte); // b[j] = byte(next() >> 24)
      yield* syscall.Syscall(fileCost.writeBase + size * fileCost.writePerByte, 'write file'); // os.WriteFile
    }
    const start = yield* time.Now();
    const jobs = chan<number>();
    const results = chan<{ size: number; sum: bigint }>();
    const wg = new sync.WaitGroup();
    for (let w = 0; w < 8; w++) {
      yield* wg.Add(1);
      yield* go(function* (): Go {
        for (;;) {
          const [i, ok] = yield* recv(jobs);
          if (!ok) break;
          const f = data[i]!;
          yield* syscall.Syscall(fileCost.readBase + f.size * fileCost.readPerByte, 'read file'); // os.ReadFile
          yield* work(f.size * fileCost.sumPerByte); // checksum(b)
          yield* send(results, { size: f.size, sum: f.sum });
        }
        yield* wg.Done();
      });
    }
    yield* go(function* (): Go {
      for (let i = 0; i < files; i++) yield* send(jobs, i);
      yield* close(jobs);
      yield* wg.Wait();
      yield* close(results);
    });
    let total = 0;
    let sum = 0n;
    let count = 0;
    for (;;) {
      const [r, ok] = yield* recv(results);
      if (!ok) break;
      total += r.size;
      sum = u64(sum + r.sum);
      count++;
    }
    yield* fmt.Printf('MEASURE elapsed_ms=%.3f ms\n', msOfNs(yield* time.Since(start)));
    m = yield* threads();
    yield* fmt.Printf('MEASURE threads_after=%d threads\n', m);
    yield* fmt.Printf('files=%d bytes=%d checksum=%s\n', count, total, hex16(sum));
    yield* syscall.Syscall(files * us(5), 'remove files'); // defer os.RemoveAll(dir)
  }
  return { main, linksOS: true };
}
