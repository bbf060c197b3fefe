/**
 * EventLog.toColumns / fromColumns: the plain-data form a Web Worker transfers to the page. A log
 * rebuilt from the columns must hold exactly the same events and strings as the engine's own.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../src/runtime/runtime.js';
import { EventLog } from '../../src/log/events.js';
import { chan, go, recv, send, println, time, us } from '../../src/workload/api.js';
import type { EventColumns } from '../../src/log/events.js';

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

  it('chunks taken while the run goes on (the web worker\'s progress) join back into the whole log', () => {
    const chunks: EventColumns[] = [];
    let sent = 0;
    let sentStrings = 0;
    let outputSeen = '';
    const r = run({
      gomaxprocs: 2,
      watchdog: {
        every: 64,
        check(rt) {
          chunks.push(rt.log.toColumns(sent, sentStrings));
          sent = rt.log.length;
          sentStrings = rt.log.stringCount;
          outputSeen = rt.stdoutSoFar() + rt.stderrSoFar();
          return null;
        },
      },
      main: function* () {
        for (let i = 0; i < 200; i++) {
          yield* go(function* () {
            yield* time.Sleep(us(5));
          });
          yield* println('i', i);
        }
        yield* time.Sleep(us(50));
      },
    });
    chunks.push(r.log.toColumns(sent, sentStrings));
    expect(chunks.length).toBeGreaterThan(3);
    expect(outputSeen.length).toBeGreaterThan(0);
    expect(r.stderr.startsWith(outputSeen)).toBe(true);
    const joined = EventLog.concatColumns(chunks);
    const whole = r.log.toColumns();
    expect(joined.length).toBe(whole.length);
    expect(Array.from(joined.t)).toEqual(Array.from(whole.t));
    expect(Array.from(joined.k)).toEqual(Array.from(whole.k));
    expect(Array.from(joined.b)).toEqual(Array.from(whole.b));
    expect(joined.strings).toEqual(whole.strings);
  });
});
