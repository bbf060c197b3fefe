/**
 * chan.ts's per-P sudog cache (acquireSudog/releaseSudog): a sudog handed back after its partner
 * dequeued it is reused by later blocking sends and receives, on the same P or another, mixed with
 * selects (whose sudogs are not cached) and a close. Expected values follow from the Go spec (an
 * unbuffered send completes with the receive of its value; a receive from a closed channel yields the
 * zero value and false at once), not from the code under test.
 */
import { describe, expect, it } from 'vitest';
import { runChecked } from '../helpers.js';
import { go, sync, chan, send, recv, close, select, onRecv, type Chan, type Go } from '../../src/workload/api.js';

function* relay(from: Chan<number>, to: Chan<number>, n: number): Go {
  for (let i = 0; i < n; i++) {
    const [v] = yield* recv(from);
    yield* send(to, v + 1);
  }
}

describe('sudog cache', () => {
  it('values through a ring of relays, selects and a close arrive as Go delivers them', () => {
    for (const gomaxprocs of [1, 4]) {
      const got: number[] = [];
      const closed: [number, boolean][] = [];
      let selected = 0;
      const sels: number[] = [];
      const r = runChecked({
        gomaxprocs,
        main: function* (): Go {
          const stages = 8;
          const rounds = 50;
          const cs: Chan<number>[] = [];
          for (let i = 0; i <= stages; i++) cs.push(chan<number>());
          for (let i = 0; i < stages; i++) yield* go(relay, cs[i]!, cs[i + 1]!, rounds);
          // A select on two channels that blocks (its sudogs are linked, not cached) beside them.
          const s1 = chan<number>();
          const s2 = chan<number>();
          const wg = new sync.WaitGroup();
          yield* wg.Add(1);
          yield* go(function* (): Go {
            for (let i = 0; i < rounds; i++) {
              const sel = yield* select([onRecv(s1), onRecv(s2)]);
              selected += sel.index === 0 ? (sel.value as number) : -(sel.value as number);
              sels.push(sel.index);
            }
            yield* wg.Done();
          });
          for (let i = 0; i < rounds; i++) {
            yield* send(cs[0]!, i * 100);
            const [v] = yield* recv(cs[stages]!);
            got.push(v);
            yield* send(i % 2 === 0 ? s1 : s2, 1);
          }
          yield* wg.Wait();
          // Receivers parked on a channel that is then closed: each sees (0, false).
          const dead = chan<number>();
          const done = chan<number>();
          for (let i = 0; i < 3; i++) {
            yield* go(function* (): Go {
              const [v, ok] = yield* recv(dead);
              closed.push([v ?? 0, ok]);
              yield* send(done, 1);
            });
          }
          const out = chan<number>();
          yield* go(function* (): Go {
            yield* send(out, 7);
          });
          const [seven] = yield* recv(out);
          got.push(seven);
          yield* close(dead);
          for (let i = 0; i < 3; i++) yield* recv(done);
        },
      });
      expect(r.exitCode).toBe(0);
      expect(got).toEqual([...Array.from({ length: 50 }, (_, i) => i * 100 + 8), 7]);
      // main alternates s1, s2: the select takes each send on the channel it was made on.
      expect(sels).toEqual(Array.from({ length: 50 }, (_, i) => i % 2));
      expect(selected).toBe(0);
      expect(closed).toEqual([
        [0, false],
        [0, false],
        [0, false],
      ]);
    }
  });
});
