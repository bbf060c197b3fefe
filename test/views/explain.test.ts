import { describe, expect, it } from 'vitest';
import { run, go, work, syscall, sync, ms, us, E, type Go } from '../../src/index.js';
import { Replay } from '../../src/log/replay.js';
import { explainEvent, explainGroup, describeEvent, groupRange } from '../../src/views/explain.js';

function* worker(wg: sync.WaitGroup): Go {
  yield* work(us(100));
  yield* syscall.Read(3, ms(15));
  yield* work(ms(25));
  yield* wg.Done();
}
function* main(): Go {
  const wg = new sync.WaitGroup();
  for (let i = 0; i < 4; i++) {
    yield* wg.Add(1);
    yield* go(worker, wg);
  }
  yield* wg.Wait();
}

const r = run({ main, gomaxprocs: 2 });
const log = r.log;
const first = (k: number, pred: (i: number) => boolean = () => true): number => {
  for (let i = 0; i < log.length; i++) if (log.k[i] === k && pred(i)) return i;
  throw new Error(`no event of kind ${k}`);
};

describe('explain', () => {
  it('tells the retake chain as one sentence naming the functions and the rule', () => {
    const i = first(E.Retake, (j) => log.a[j] === 1);
    const ex = explainGroup(log, i);
    expect(ex.first).toBeLessThanOrEqual(i);
    expect(ex.last).toBeGreaterThanOrEqual(i);
    expect(ex.text).toMatch(/^sysmon: P\d has been in a syscall \(G\d+ on M\d\) for [\d.]+µs and its local queue is not empty → retake → handoffp\(P\d\): the P has queued work \(local or global\) → startm: (no idle M → newm \(M\d\)|wakes idle M\d) for P\d/);
  });

  it('names the rule when every P is busy and nobody spins', () => {
    const i = first(E.Retake, (j) => log.a[j] === 2);
    expect(explainGroup(log, i).text).toContain('no P is idle and no M is spinning');
    expect(explainGroup(log, i).text).toContain('this P supplies a searcher');
  });

  it('uses goroutine names from the replayed state when given', () => {
    const i = first(E.GoCreate, (j) => log.a[j] === 1 && log.string(log.b[j]!) === 'main.worker');
    const rp = new Replay(log);
    rp.seek(i + 1);
    expect(explainEvent(log, i, rp)).toBe(`G1 runs \`go worker\` → newproc puts G${log.g[i]} (worker) in P${log.p[i]}'s runnext`);
  });

  it('describes entersyscall with the P left in _Psyscall', () => {
    const i = first(E.EnterSyscall, (j) => log.b[j] === 15e6); // the workload's, not os init's fcntl
    expect(explainEvent(log, i)).toMatch(/enters a system call of 15ms \(entersyscall\): P\d goes to _Psyscall, still with M\d+; sysmon may retake it/);
  });

  it('groups same-time events and leaves state changes to their decision', () => {
    const i = first(E.Found);
    const [a, b] = groupRange(log, i);
    for (let j = a; j <= b; j++) expect(log.t[j]).toBe(log.t[i]);
    expect(explainEvent(log, first(E.GLoc))).toBeNull();
    expect(describeEvent(log, first(E.GLoc))).toMatch(/^G1 goes into P0's runnext$/);
  });

  it('has a sentence for every event of the run', () => {
    for (let i = 0; i < log.length; i++) {
      const s = describeEvent(log, i);
      expect(s.length).toBeGreaterThan(5);
      expect(s).not.toMatch(/undefined|NaN/);
    }
  });
});
