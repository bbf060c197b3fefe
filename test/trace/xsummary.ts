/**
 * What tools/gotrace-read (golang.org/x/exp/trace) prints for a trace, computed from src/trace's reader
 * with the same rules, field by field (its main.go): the tests compare the two on real traces.
 */
import { EvSync, type GoTrace } from '../../src/trace/reader.js';
import { Ev } from '../../src/trace/tracev2.js';

export interface Summary {
  events: number;
  generations: number;
  goroutines: number;
  states: Record<string, string[]>;
  functions: Record<string, string>;
  syscalls: { g: number; dur: number; blocked: boolean }[];
  threads: number[];
  procs: number[];
  steals: number;
  handoffs: number;
  procStarts: number;
  blocks: Record<string, number>;
  blockNs: Record<string, number>;
  stops: Record<string, number>;
  gomaxprocs: number[] | null;
  ranges: Record<string, number>;
  latency: { n: number; p50: number; p90: number; p99: number; max: number };
  duration: number;
}

function percentiles(xs: number[]): Summary['latency'] {
  if (xs.length === 0) return { n: 0, p50: 0, p90: 0, p99: 0, max: 0 };
  xs.sort((a, b) => a - b);
  const at = (q: number): number => xs[Math.floor(q * (xs.length - 1) + 0.5)]!;
  return { n: xs.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: xs[xs.length - 1]! };
}

const rangeBegin = new Set<number>([Ev.STWBegin, Ev.GCBegin, Ev.GCSweepBegin, Ev.GCMarkAssistBegin]);

export function summarize(t: GoTrace): Summary {
  const s: Summary = {
    events: 0, generations: 0, goroutines: 0, states: {}, functions: {}, syscalls: [], threads: [], procs: [], steals: 0, handoffs: 0,
    procStarts: 0, blocks: {}, blockNs: {}, stops: {}, gomaxprocs: null, ranges: {}, latency: percentiles([]), duration: 0,
  };
  const threads = new Set<number>();
  const procs = new Set<number>();
  const lastThread = new Map<number, number>();
  const since = new Map<number, number>();
  const blockReason = new Map<number, string>();
  const lat: number[] = [];
  let first = 0;
  let last = 0;
  const gen = new Map(t.generations.map((g) => [g.gen, g]));
  for (const ev of t.events) {
    s.events++;
    if (first === 0) first = ev.time;
    last = ev.time;
    if (ev.m !== -1) threads.add(ev.m);
    if (ev.type === EvSync) {
      s.generations++;
      continue;
    }
    const g = gen.get(ev.gen)!;
    if (rangeBegin.has(ev.type)) {
      const name =
        ev.type === Ev.STWBegin ? `stop-the-world (${g.strings.get(ev.args[0]!) ?? ''})`
        : ev.type === Ev.GCBegin ? 'GC concurrent mark phase'
        : ev.type === Ev.GCSweepBegin ? 'GC incremental sweep' : 'GC mark assist';
      s.ranges[name] = (s.ranges[name] ?? 0) + 1;
    }
    if (ev.type === Ev.ProcsChange) (s.gomaxprocs ??= []).push(ev.args[0]!);
    const tr = ev.tr;
    if (tr === undefined) continue;
    if (tr.resource === 'goroutine') {
      const id = tr.id;
      const key = String(id);
      if (tr.from === 'NotExist') {
        s.goroutines++;
        const stk = ev.type === Ev.GoCreate || ev.type === Ev.GoCreateBlocked ? g.stacks.get(ev.args[1]!) : undefined;
        if (stk !== undefined && stk.length > 0) s.functions[key] = stk[0]!.fn;
      }
      if (tr.from === tr.to) continue;
      if (tr.from === 'Undetermined') s.goroutines++;
      (s.states[key] ??= []).push(tr.to);
      const now = ev.time;
      if (tr.from === 'Syscall') s.syscalls.push({ g: id, dur: now - (since.get(id) ?? 0), blocked: tr.to === 'Runnable' });
      else if (tr.from === 'Runnable' && tr.to === 'Running') lat.push(now - (since.get(id) ?? 0));
      else if (tr.from === 'Waiting') {
        const r = blockReason.get(id) ?? '';
        s.blockNs[r] = (s.blockNs[r] ?? 0) + now - (since.get(id) ?? 0);
      } else if (tr.from === 'Running' && tr.to === 'Waiting') {
        const r = ev.type === Ev.GoBlock ? g.strings.get(ev.args[0]!) ?? '' : '';
        s.blocks[r] = (s.blocks[r] ?? 0) + 1;
        blockReason.set(id, r);
      } else if (tr.from === 'Running' && tr.to === 'Runnable') {
        const r = ev.type === Ev.GoStop ? g.strings.get(ev.args[0]!) ?? '' : '';
        s.stops[r] = (s.stops[r] ?? 0) + 1;
      }
      since.set(id, now);
    } else {
      const id = tr.id;
      procs.add(id);
      if (tr.from === 'Running' && tr.to === 'Idle' && id !== ev.p) s.steals++;
      if (tr.to === 'Running' && tr.from !== tr.to) {
        s.procStarts++;
        const prev = lastThread.get(id);
        if (prev !== undefined && prev !== ev.m) s.handoffs++;
        lastThread.set(id, ev.m);
      }
    }
  }
  s.threads = [...threads].sort((a, b) => a - b);
  s.procs = [...procs].sort((a, b) => a - b);
  s.latency = percentiles(lat);
  s.duration = last - first;
  return s;
}
