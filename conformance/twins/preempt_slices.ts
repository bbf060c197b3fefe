/**
 * Twin of conformance/programs/preempt_slices.go (GOMAXPROCS=1: slice lengths of two CPU-bound goroutines
 * under sysmon preemption, seen by the observer A through clock jumps).
 * Twin notes: A's Go loop reads the clock every ≈70 ns; the twin reads it after every 10 µs of work with a
 * call point every 70 ns (time.Now is a call), which is far below the 100 µs jump threshold. B's
 * `for { atomic.AddUint64(&x, 1) }` is 1 ms Work ops without call points, x advancing after each.
 * hiccups counts OS/VM stalls, which the model does not have (always 0 here).
 * A twin because the Go frontend cannot compile every program yet.
 */
import { chan, fmt, go, ms, recv, send, time, us, work, type Go } from '../../src/workload/api.js';
import { msOfNs, type Env, type TwinProgram } from './_common.js';

export const aStep = us(10);

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
    interface Seg { start: number; end: number }
    interface Report { segs: Seg[]; hiccups: number }
    const result = chan<Report>();
    const base = yield* time.Now();
    yield* go(function* (): Go {
      // A
      const r: Report = { segs: [], hiccups: 0 };
      let last = yield* time.Since(base);
      let lastX = x;
      let cur: Seg = { start: last, end: 0 };
      let pending = false;
      while (!stop) {
        yield* work(aStep, { callEvery: 70 });
        const now = yield* time.Since(base);
        const nx = x;
        const gap = now - last;
        let switched = false;
        if (pending) {
          switched = true;
          pending = false;
        } else if (nx !== lastX) {
          if (gap > us(100)) switched = true;
          else pending = true;
        }
        if (switched) {
          cur.end = last;
          r.segs.push(cur);
          cur = { start: now, end: 0 };
        } else if (gap > us(100)) {
          r.hiccups++;
        }
        last = now;
        lastX = nx;
      }
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
      if (i < r.segs.length - 1) yield* fmt.Printf('MEASURE a_slice_ms=%.3f ms\n', msOfNs(r.segs[i]!.end - r.segs[i]!.start));
      n++;
    }
    yield* fmt.Printf('MEASURE switches=%d count\n', 2 * n);
    yield* fmt.Printf('MEASURE hiccups=%d count\n', r.hiccups);
    yield* fmt.Println('done');
  }
  return { main, linksOS: true };
}
