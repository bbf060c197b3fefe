/**
 * The trace-event JSON export (src/views/perfetto.ts). Two kinds of check:
 *  - the file is valid Trace Event Format (the format Perfetto and chrome://tracing read, as documented
 *    in Google's "Trace Event Format" document): every event has the fields its phase requires, slices
 *    on one track never overlap, every flow start has its finish, metadata names every track;
 *  - it tells the same story as the event log: one goroutine track per goroutine created, one thread
 *    track per M, one "syscall" slice on a thread per system call, one handoffp arrow per handoff that
 *    started an M, the counters' last values equal the replay's at the end.
 */
import { describe, expect, it } from 'vitest';
import { run, type RunResult } from '../../src/runtime/runtime.js';
import { E } from '../../src/log/events.js';
import { Replay } from '../../src/log/replay.js';
import { perfettoJSON, writePerfetto } from '../../src/views/perfetto.js';
import { chan, go, net, recv, runtime, send, sync, syscall, time, us, ms, work } from '../../src/workload/api.js';

interface TraceEvent {
  ph: string;
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  name?: string;
  id?: number;
  cat?: string;
  s?: string;
  bp?: string;
  args?: Record<string, unknown>;
}

/** Check the Trace Event Format rules; returns the events. */
function validate(text: string): TraceEvent[] {
  const doc = JSON.parse(text) as { traceEvents: TraceEvent[]; displayTimeUnit?: string };
  expect(Array.isArray(doc.traceEvents)).toBe(true);
  expect(['ms', 'ns']).toContain(doc.displayTimeUnit);
  const named = new Set<string>();
  const flows = new Map<number, { s: number; f: number }>();
  const slices = new Map<string, { ts: number; end: number }[]>();
  for (const e of doc.traceEvents) {
    expect(Number.isInteger(e.pid)).toBe(true);
    expect(Number.isInteger(e.tid)).toBe(true);
    expect(typeof e.name).toBe('string');
    switch (e.ph) {
      case 'M':
        expect(['process_name', 'thread_name', 'process_sort_index', 'thread_sort_index']).toContain(e.name);
        if (e.name === 'thread_name') named.add(`${e.pid}/${e.tid}`);
        expect(e.args).toBeDefined();
        break;
      case 'X': {
        expect(typeof e.ts).toBe('number');
        expect(e.dur!).toBeGreaterThan(0);
        const key = `${e.pid}/${e.tid}`;
        let list = slices.get(key);
        if (!list) slices.set(key, (list = []));
        list.push({ ts: e.ts!, end: e.ts! + e.dur! });
        break;
      }
      case 'C':
        expect(typeof e.ts).toBe('number');
        for (const v of Object.values(e.args ?? {})) expect(typeof v).toBe('number');
        break;
      case 'i':
        expect(['g', 'p', 't']).toContain(e.s);
        expect(typeof e.ts).toBe('number');
        break;
      case 's':
      case 'f': {
        expect(Number.isInteger(e.id)).toBe(true);
        expect(e.cat).toBe('flow');
        const fl = flows.get(e.id!) ?? { s: 0, f: 0 };
        fl[e.ph]++;
        flows.set(e.id!, fl);
        break;
      }
      default:
        throw new Error(`unexpected phase ${e.ph}`);
    }
  }
  for (const [id, fl] of flows) expect({ id, ...fl }).toEqual({ id, s: 1, f: 1 });
  for (const [key, list] of slices) {
    // Complete events on one track: each starts at or after the previous one's end (µs, 1 ns = 0.001).
    list.sort((a, b) => a.ts - b.ts);
    for (let i = 1; i < list.length; i++) expect(list[i]!.ts, `overlap on ${key}`).toBeGreaterThanOrEqual(list[i - 1]!.end - 1e-6);
    expect(named.has(key), `track ${key} has no thread_name`).toBe(true);
  }
  return doc.traceEvents;
}

function mixed(): RunResult {
  return run({
    gomaxprocs: 2,
    seed: 3,
    main: function* () {
      const wg = new sync.WaitGroup();
      const c = chan<number>();
      for (let i = 0; i < 6; i++) {
        yield* wg.Add(1);
        yield* go(function* () {
          yield* syscall.Read(3, ms(2)); // long: retaken, handed off
          yield* net.Read(us(300)); // parks on the netpoller
          yield* work(us(50));
          yield* send(c, i);
          yield* wg.Done();
        });
      }
      for (let i = 0; i < 6; i++) yield* recv(c);
      yield* wg.Wait();
      yield* runtime.GOMAXPROCS(1);
      yield* time.Sleep(ms(1));
    },
  });
}

describe('Perfetto / trace-event JSON', () => {
  it('is valid trace-event JSON and tells the event log\'s story', () => {
    const r = mixed();
    expect(r.exitCode).toBe(0);
    const log = r.log;
    const events = validate(perfettoJSON(log, 'mixed'));
    const count = (k: number): number => {
      let n = 0;
      for (let i = 0; i < log.length; i++) if (log.k[i] === k) n++;
      return n;
    };
    const threadNames = (pid: number): string[] => events.filter((e) => e.ph === 'M' && e.pid === pid && e.name === 'thread_name').map((e) => (e.args as { name: string }).name);
    // One goroutine track per goroutine, one thread track per M.
    expect(threadNames(3).length).toBe(count(E.GoCreate));
    expect(threadNames(2).length).toBe(count(E.MCreate));
    // One syscall slice per system call (each ends before the next one on its thread starts).
    const syscallSlices = events.filter((e) => e.ph === 'X' && e.pid === 2 && /^syscall/.test(e.name!));
    expect(syscallSlices.length).toBe(count(E.EnterSyscall));
    // The goroutine tracks show the same syscalls.
    expect(events.filter((e) => e.ph === 'X' && e.pid === 3 && e.name === 'syscall').length).toBe(count(E.EnterSyscall));
    // A handoffp arrow for each handoff that started an M on another thread; retakes as instants.
    const handoffs = events.filter((e) => e.ph === 's' && e.name === 'handoffp').length;
    expect(handoffs).toBeGreaterThan(0);
    expect(handoffs).toBeLessThanOrEqual(count(E.Handoff));
    expect(events.filter((e) => e.ph === 'i' && /retake/.test(e.name!)).length).toBe(count(E.Retake));
    // Netpoll wake-ups: one arrow per goroutine that left IO wait.
    expect(events.filter((e) => e.ph === 's' && e.name === 'netpoll ready').length).toBe(6);
    // The counters end where the replay ends.
    const rp = new Replay(log);
    rp.seek(log.length);
    const c = rp.counts();
    const last = (name: string): Record<string, number> => events.filter((e) => e.ph === 'C' && e.name === name).at(-1)!.args as Record<string, number>;
    expect(last('threads')).toEqual({ 'running or in syscall': c.threads - c.idlethreads - c.spinningthreads, spinning: c.spinningthreads, idle: c.idlethreads });
    expect(last('global run queue')).toEqual({ length: c.runqueue });
    // After GOMAXPROCS(1) the per-P queue counter has only P0.
    expect(Object.keys(last('local run queues (runnext included)'))).toEqual(['P0']);
  });

  it('streams in chunks that add up to the whole, and is deterministic', () => {
    const r = mixed();
    const chunks: string[] = [];
    const stats = writePerfetto(r.log, (s) => chunks.push(s), 'mixed');
    expect(chunks.join('')).toBe(perfettoJSON(mixed().log, 'mixed'));
    expect(stats.events).toBe(validate(chunks.join('')).length);
  });

  it('keeps nanoseconds in µs timestamps', () => {
    const r = run({
      gomaxprocs: 1,
      main: function* () {
        yield* work(1234);
      },
    });
    const events = validate(perfettoJSON(r.log));
    // Simulated times are integers in ns: every ts has at most 3 decimals in µs.
    for (const e of events) if (e.ts !== undefined) expect(Math.abs(e.ts * 1000 - Math.round(e.ts * 1000))).toBeLessThan(1e-6);
  });
});
