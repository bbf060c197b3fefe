/**
 * Twin of conformance/programs/netpoll_wait.go (GOMAXPROCS=2: 100 goroutines blocked reading loopback TCP
 * connections park in the netpoller and hold no thread; after 200 ms the server writes one byte to each).
 * Twin notes: the loopback connections are the twins' model (_common.ts: Listener/Conn over PollDescs,
 * one-way delivery 10 µs, a short write(2) per Write); os_threads_* are not printed (not modelled).
 * A twin because the Go frontend cannot compile every program yet.
 */
import { chan, fmt, go, ms, recv, send, sync, time, type Go } from '../../src/workload/api.js';
import { dial, listen, msOfNs, threads, type Conn, type Env, type TwinProgram } from './_common.js';

export function program(_env: Env): TwinProgram {
  function* main(): Go {
    const n = 100;
    let m = yield* threads();
    yield* fmt.Printf('MEASURE threads_start=%d threads\n', m);
    const ln = yield* listen();
    const accepted = chan<Conn>(n);
    yield* go(function* (): Go {
      for (let i = 0; i < n; i++) {
        const c = yield* ln.Accept();
        yield* send(accepted, c!);
      }
    });
    const ready = new sync.WaitGroup();
    const done = new sync.WaitGroup();
    const got: string[] = new Array(n).fill('');
    yield* ready.Add(n);
    yield* done.Add(n);
    for (let i = 0; i < n; i++) {
      yield* go(function* (i: number): Go {
        const c = yield* dial(ln);
        yield* ready.Done();
        const b = yield* c.Read();
        got[i] = b ?? '';
        yield* c.Close(); // defer c.Close()
        yield* done.Done(); // defer done.Done()
      }, i);
    }
    yield* ready.Wait();
    const conns: Conn[] = [];
    for (let i = 0; i < n; i++) conns.push((yield* recv(accepted))[0]);
    yield* time.Sleep(ms(100));
    m = yield* threads();
    yield* fmt.Printf('MEASURE threads_blocked=%d threads\n', m);
    yield* time.Sleep(ms(100));
    const t = yield* time.Now();
    for (const c of conns) yield* c.Write('x');
    yield* done.Wait();
    yield* fmt.Printf('MEASURE wait_ms=%.3f ms\n', msOfNs(yield* time.Since(t)));
    for (const c of conns) yield* c.Close();
    m = yield* threads();
    yield* fmt.Printf('MEASURE threads_after=%d threads\n', m);
    const ok = got.filter((b) => b === 'x').length;
    yield* fmt.Printf('%d readers got their byte\n', ok);
    yield* ln.Close(); // defer ln.Close()
  }
  return { main, linksOS: true };
}
