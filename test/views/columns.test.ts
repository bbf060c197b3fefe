/**
 * EventLog.toColumns / fromColumns: the plain-data form a Web Worker transfers to the page. A log
 * rebuilt from the columns must hold exactly the same events and strings as the engine's own.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../src/runtime/runtime.js';
import { EventLog } from '../../src/log/events.js';
import { chan, go, recv, send, println } from '../../src/workload/api.js';

describe('EventLog columns', () => {
  it('round-trips every event and every string', () => {
    const r = run({
      gomaxprocs: 2,
      main: function* () {
        const c = chan<number>();
        yield* go(function* producer() {
          yield* send(c, 7);
        });
        const [v] = yield* recv(c);
        yield* println('got', v);
      },
    });
    const log = r.log;
    const cols = log.toColumns();
    expect(cols.length).toBe(log.length);
    expect(cols.t.length).toBe(log.length); // trimmed, not the growable capacity
    const back = EventLog.fromColumns(cols);
    expect(back.length).toBe(log.length);
    for (let i = 0; i < log.length; i++) {
      expect(back.get(i)).toEqual(log.get(i));
      expect(back.string(back.b[i]!)).toBe(log.string(log.b[i]!));
    }
    expect(r.stderr).toBe('got 7\n');
  });
});
