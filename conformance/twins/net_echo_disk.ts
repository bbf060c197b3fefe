/**
 * Twin of conformance/programs/net_echo_disk.go (a loopback TCP server whose handlers os.ReadFile from disk;
 * 16 clients × 25 requests). Network waits go through the netpoller (the twins' loopback model in
 * _common.ts), file reads are blocking syscalls (_common.fileCost). Sizes and checksums come from the same
 * LCG as the Go program, so stdout is comparable byte for byte. Formatting/parsing a request or reply is
 * 1 µs of work. os_threads_after is not printed (not modelled). A twin because the Go frontend cannot
 * compile every program yet.
 */
import { chan, close, fmt, go, send, recv, sync, syscall, time, us, work, type Go } from '../../src/workload/api.js';
import { dial, fileCost, generatedFiles, hex16, listen, msOfNs, threads, u64, type Conn, type Env, type TwinProgram } from './_common.js';

export function program(_env: Env): TwinProgram {
  const nfiles = 64;
  const data = generatedFiles(777, nfiles, 4096, 60 * 1024);
  function* serve(c: Conn): Go {
    for (;;) {
      const line = yield* c.Read();
      if (line === null) break; // client closed
      const f = data[Number(line)]!;
      yield* syscall.Syscall(fileCost.readBase + f.size * fileCost.readPerByte, 'read file'); // os.ReadFile
      yield* work(f.size * fileCost.sumPerByte); // checksum(b)
      yield* work(us(1)); // fmt.Fprintf into the bufio.Writer
      yield* c.Write(`${f.size} ${f.sum}`); // w.Flush()
    }
    yield* c.Close(); // defer c.Close()
  }
  function* main(): Go {
    let m = yield* threads();
    yield* fmt.Printf('MEASURE threads_start=%d threads\n', m);
    yield* syscall.Syscall(us(10), 'mkdir'); // os.MkdirTemp
    for (let i = 0; i < nfiles; i++) {
      const size = data[i]!.size;
      yield* work(size * fileCost.genPerByte);
      yield* syscall.Syscall(fileCost.writeBase + size * fileCost.writePerByte, 'write file');
    }
    const ln = yield* listen();
    yield* go(function* (): Go {
      for (;;) {
        const c = yield* ln.Accept();
        if (c === null) return;
        yield* go(serve, c);
      }
    });
    const clients = 16;
    const perClient = 25;
    interface Res { n: number; bytes: number; sum: bigint; rtts: number[] }
    const out = chan<Res>(clients);
    const start = yield* time.Now();
    const wg = new sync.WaitGroup();
    for (let k = 0; k < clients; k++) {
      yield* wg.Add(1);
      yield* go(function* (k: number): Go {
        const c = yield* dial(ln);
        const rs: Res = { n: 0, bytes: 0, sum: 0n, rtts: [] };
        for (let j = 0; j < perClient; j++) {
          const idx = (k * perClient + j * 7) % nfiles;
          const t = yield* time.Now();
          yield* work(us(1)); // fmt.Fprintf(c, "%d\n", idx)
          yield* c.Write(String(idx));
          const line = (yield* c.Read())!;
          rs.rtts.push(yield* time.Since(t));
          yield* work(us(1)); // fmt.Sscanf
          const [size, sum] = line.split(' ');
          rs.n++;
          rs.bytes += Number(size);
          rs.sum = u64(rs.sum + BigInt(sum!));
        }
        yield* send(out, rs);
        yield* c.Close(); // defer c.Close()
        yield* wg.Done(); // defer wg.Done()
      }, k);
    }
    yield* wg.Wait();
    yield* close(out);
    const elapsed = yield* time.Since(start);
    const total = { n: 0, bytes: 0, sum: 0n };
    let rtts: number[] = [];
    for (;;) {
      const [r, ok] = yield* recv(out);
      if (!ok) break;
      total.n += r.n;
      total.bytes += r.bytes;
      total.sum = u64(total.sum + r.sum);
      rtts = rtts.concat(r.rtts);
    }
    rtts.sort((a, b) => a - b);
    yield* fmt.Printf('MEASURE elapsed_ms=%.3f ms\n', msOfNs(elapsed));
    yield* fmt.Printf('MEASURE req_us=%.1f us\n', rtts[rtts.length >> 1]! / 1e3);
    m = yield* threads();
    yield* fmt.Printf('MEASURE threads_after=%d threads\n', m);
    yield* fmt.Printf('requests=%d bytes=%d checksum=%s\n', total.n, total.bytes, hex16(total.sum));
    yield* ln.Close(); // defer ln.Close()
    yield* syscall.Syscall(nfiles * us(5), 'remove files'); // defer os.RemoveAll(dir)
  }
  return { main, linksOS: true };
}
