/** Shared test helpers: run a workload with all checks on, and compare the replayed log with the engine. */
import { expect } from 'vitest';
import { Runtime, type RunOptions, type RunResult } from '../src/runtime/runtime.js';
import { Replay } from '../src/log/replay.js';
import { go, sync } from '../src/workload/api.js';
import type { Op } from '../src/workload/ops.js';

/** Run with the invariant checker on and the replay compared with the engine after every event. */
export function runChecked(opts: RunOptions): RunResult {
  const rt = new Runtime({ checkInvariants: true, ...opts });
  const replay = new Replay(rt.log);
  rt.opts.afterEvent = (r) => {
    replay.seek(r.log.length);
    const c = replay.counts();
    const s = r.sched;
    const engine = {
      threads: s.mnext - s.nmfreed,
      idlethreads: s.nmidle,
      spinningthreads: s.nmspinning,
      idleprocs: s.npidle,
      runqueue: s.runq.size,
    };
    const seen = {
      threads: c.threads,
      idlethreads: c.idlethreads,
      spinningthreads: c.spinningthreads,
      idleprocs: c.idleprocs,
      runqueue: c.runqueue,
    };
    if (JSON.stringify(engine) !== JSON.stringify(seen)) {
      throw new Error(`replay diverged at event ${r.sim.fired} t=${r.sim.now}: engine ${JSON.stringify(engine)} replay ${JSON.stringify(seen)}`);
    }
    for (const pp of r.allp) {
      const pv = replay.ps[pp.id]!;
      const q: number[] = [];
      for (let i = pp.runqhead; i < pp.runqtail; i++) q.push(pp.runq[i % 256]!.goid);
      const rn = pp.runnext ? pp.runnext.goid : -1;
      if (pv.timers !== pp.timers.length) {
        throw new Error(`replay diverged on P${pp.id}'s timers at event ${r.sim.fired}: engine ${pp.timers.length} replay ${pv.timers}`);
      }
      if (pv.runnext !== rn || pv.runq.join(',') !== q.join(',') || pv.status !== pp.status) {
        throw new Error(`replay diverged on P${pp.id} at event ${r.sim.fired}: engine status=${pp.status} runnext=${rn} runq=[${q}] replay status=${pv.status} runnext=${pv.runnext} runq=[${pv.runq}]`);
      }
    }
    const global = [...s.runq].map((g) => g.goid).join(',');
    if (replay.global.join(',') !== global) throw new Error(`replay global queue diverged at event ${r.sim.fired}`);
  };
  return rt.run();
}

/** main's usual shape: start n goroutines running `body` and wait for them all (sync.WaitGroup). */
export function* fanOut(n: number, body: (i: number) => Generator<Op, void, unknown>): Generator<Op, void, unknown> {
  const wg = new sync.WaitGroup();
  for (let i = 0; i < n; i++) {
    yield* wg.Add(1);
    yield* go(function* (i: number) {
      yield* body(i);
      yield* wg.Done();
    }, i);
  }
  yield* wg.Wait();
}

export function lines(s: string): string[] {
  return s.split('\n').filter((l) => l !== '');
}

export function schedLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l.startsWith('SCHED'));
}

/** Parse a short-form SCHED line into its fields. */
export function parseSched(line: string): Record<string, number> & { ms: number; queues: number[] } {
  const m = /^SCHED (\d+)ms: (.*) \[([\d ]*)\]$/.exec(line);
  expect(m, `not a SCHED line: ${line}`).not.toBeNull();
  const out: Record<string, number> = {};
  for (const kv of m![2]!.split(' ')) {
    const [k, v] = kv.split('=');
    out[k!] = Number(v);
  }
  return Object.assign(out, { ms: Number(m![1]), queues: m![3]!.split(' ').map(Number) });
}
