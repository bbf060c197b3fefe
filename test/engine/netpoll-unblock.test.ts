/**
 * A read deadline set in the past (poll_runtime_pollSetDeadline, what net/http's abortPendingRead does
 * after each response) readies the goroutine parked on the fd from the caller: netpollunblock takes it
 * off the poll descriptor and netpollgoready decrements netpollWaiters and calls goready, which puts it
 * in the caller's P's runnext (go1.19.8 and go1.26.8 runtime/netpoll.go poll_runtime_pollSetDeadline,
 * netpollgoready; proc.go goready → ready → runqput(next=true)). It does not go through epoll's ready
 * list: no netpoll call returns it.
 */
import { describe, expect, it } from 'vitest';
import { Runtime } from '../../src/runtime/runtime.js';
import { chan, close, go, recv, time, us } from '../../src/workload/api.js';
import { K, type Op } from '../../src/workload/ops.js';
import { PollDesc } from '../../src/runtime/netpoll.js';
import { E } from '../../src/log/events.js';

function* raw(o: Op): Generator<Op, unknown, unknown> {
  return yield o;
}

describe('netpollUnblock (a read deadline in the past)', () => {
  for (const go_ of ['1.19', '1.26'] as const) {
    it(`go${go_}: readies the parked reader from the caller, into its runnext, without netpoll`, () => {
      const pd = new PollDesc(null, 'conn');
      let waitersBefore = -1;
      let waitersAfter = -1;
      let readerGoid = -1;
      const rt: Runtime = new Runtime({
        checkInvariants: true,
        gomaxprocs: 1,
        go: go_,
        seed: 1,
        main: function* () {
          const done = chan<void>(0);
          readerGoid = yield* go(function* reader() {
            yield* raw({ k: K.NetWait, pd });
            yield* close(done);
          });
          yield* time.Sleep(us(100)); // the reader parks in "IO wait"
          waitersBefore = rt.netpollWaiters;
          yield* raw({ k: K.NetUnblock, pd });
          waitersAfter = rt.netpollWaiters;
          yield* recv(done);
        },
      });
      const r = rt.run();
      expect(r.exitCode).toBe(0);
      expect(waitersAfter).toBe(waitersBefore - 1);
      const L = r.log;
      let readyAt = -1;
      let by = -2;
      for (let i = 0; i < L.length; i++)
        if (L.k[i] === E.Ready && L.g[i] === readerGoid) {
          readyAt = i;
          by = L.a[i]!;
        }
      expect(readyAt).toBeGreaterThan(0);
      expect(by).toBe(1); // readied by main, the caller
      // no netpoll call returned a goroutine
      for (let i = 0; i < L.length; i++) if (L.k[i] === E.Netpoll) expect(L.a[i]).toBe(0);
    });
  }
});
