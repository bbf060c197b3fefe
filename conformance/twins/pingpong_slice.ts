/**
 * Twin of conformance/programs/pingpong_slice.go (GOMAXPROCS=1: a runnext ping-pong pair P/Q shares one
 * time slice and is preempted as a unit; B spins). P stamps every round trip and reads B's counter x.
 * Twin notes: B's `for { atomic.AddUint64(&x, 1) }` is 1 ms Work ops without call points, x advancing after
 * each; P's bookkeeping between round trips is 10 ns of work besides the clock read (time.Since = runtimeCall); hiccups counts OS/VM
 * stalls, which the model does not have. A twin because the Go frontend cannot compile every program yet.
 */
import { chan, close, fmt, go, ms, recv, send, time, us, work, type Go } from '../../src/workload/api.js';
import { msOfNs, type Env, type TwinProgram } from './_common.js';

export function program(_env: Env): TwinProgram {
  let x = 0;
  function* spin(): Go {
    for (;;) {
      yield* work(ms(1));
      x++;
    }
  }
  function* main(): Go {
    let stop = false;
    const ping = chan<number>();
    const pong = chan<number>();
    interface Seg { start: number; end: number }
    interface Report { segs: Seg[]; rtts: number[]; hiccups: number }
    const result = chan<Report>();
    const base = yield* time.Now();
    yield* go(function* (): Go {
      // Q
      for (;;) {
        const [v, ok] = yield* recv(ping);
        if (!ok) return;
        yield* send(pong, v);
      }
    });
    yield* go(function* (): Go {
      // P
      const r: Report = { segs: [], rtts: [], hiccups: 0 };
      const cap = 1 << 16;
      let last = yield* time.Since(base);
      let lastX = x;
      let cur: Seg = { start: last, end: 0 };
      let pending = false;
      for (let i = 0; !stop; i++) {
        yield* send(ping, i);
        yield* recv(pong);
        yield* work(10); // d := now - last, the comparisons, append: a few ns
        const now = yield* time.Since(base);
        const nx = x;
        const d = now - last;
        let switched = false;
        if (pending) {
          switched = true;
          pending = false;
        } else if (nx !== lastX) {
          if (d > us(100)) switched = true;
          else pending = true;
        }
        if (switched) {
          cur.end = last;
          r.segs.push(cur);
          cur = { start: now, end: 0 };
        } else if (d > us(100)) {
          r.hiccups++;
        } else if (r.rtts.length < cap) {
          r.rtts.push(d);
        }
        last = now;
        lastX = nx;
      }
      yield* close(ping);
      yield* send(result, r);
    });
    yield* go(spin); // B
    yield* time.Sleep(ms(1500));
    stop = true;
    const [r] = yield* recv(result);
    let n = 0;
    for (let i = 1; i < r.segs.length; i++) {
      const b = r.segs[i]!.start - r.segs[i - 1]!.end;
      yield* fmt.Printf('MEASURE b_slice_ms=%.3f ms\n', msOfNs(b));
      if (i < r.segs.length - 1) yield* fmt.Printf('MEASURE pair_slice_ms=%.3f ms\n', msOfNs(r.segs[i]!.end - r.segs[i]!.start));
      n++;
    }
    r.rtts.sort((a, b) => a - b);
    if (r.rtts.length > 0) yield* fmt.Printf('MEASURE roundtrip_ns=%d ns\n', Math.round(r.rtts[r.rtts.length >> 1]!));
    yield* fmt.Printf('MEASURE switches=%d count\n', 2 * n);
    yield* fmt.Printf('MEASURE hiccups=%d count\n', r.hiccups);
    yield* fmt.Println('done');
  }
  return { main, linksOS: true };
}
