/** Unit tests of the web app's pure modules (Node): runner, model, share links, gallery parsing. */
import { describe, expect, it } from 'vitest';
import { Replay, pActivity } from '../../src/log/replay.js';
import { E } from '../../src/index.js';
import { runWorkload } from '../../web/src/runner';
import { RunModel } from '../../web/src/model';
import { encodeShare, decodeShare } from '../../web/src/share';
import { galleryFrom, leadingComment } from '../../web/src/gallery';
import type { RunDone } from '../../web/src/protocol';

// 100 blocking reads on GOMAXPROCS=4: threads grow far past GOMAXPROCS.
const code = `import { go, os, sync, ms, type Go } from 'gmpsim';
export const config = { gomaxprocs: 4 };
function* reader(wg: sync.WaitGroup): Go {
  yield* os.ReadFile('/dev/urandom', { latency: ms(20) });
  yield* wg.Done();
}
export function* main(): Go {
  const wg = new sync.WaitGroup();
  for (let i = 0; i < 100; i++) {
    yield* wg.Add(1);
    yield* go(reader, wg);
  }
  yield* wg.Wait();
}
`;

// Sleeps, IO waits, spinning Ms and GOMAXPROCS shrinking and growing (Ps destroyed and re-made).
const mixed = `import { go, work, net, time, runtime, sync, us, type Go } from 'gmpsim';
export const config = { gomaxprocs: 4 };
function* task(i: number, wg: sync.WaitGroup): Go {
  yield* work(us(30 + (i % 4) * 10));
  if (i % 2 === 0) yield* net.Read(us(400));
  else yield* time.Sleep(us(300));
  yield* work(us(20));
  yield* wg.Done();
}
export function* main(): Go {
  const wg = new sync.WaitGroup();
  for (let i = 0; i < 60; i++) {
    yield* wg.Add(1);
    yield* go(task, i, wg);
  }
  yield* runtime.GOMAXPROCS(2);
  yield* work(us(100));
  yield* runtime.GOMAXPROCS(6);
  yield* wg.Wait();
}
`;

/**
 * The model's series and P timelines against a Replay stepped over the whole log: after every
 * event, the series row in force holds the replay's counts, and at the end of every instant each
 * P's segment in force is the replay's pActivity for it (so the scan, which reclassifies only the
 * Ps an event can change, missed no change). Rows and segments are contiguous.
 */
function checkAgainstReplay(m: RunModel): void {
  const L = m.log;
  const s = m.series;
  const rp = new Replay(L, L.length + 1);
  for (let j = 1; j < s.n; j++) {
    const same = ['threads', 'procs', 'running', 'runnable', 'waiting', 'syscall', 'netpoll'].every((k) => s[k as 'threads'][j] === s[k as 'threads'][j - 1]);
    expect(same, `row ${j} repeats row ${j - 1}`).toBe(false);
  }
  const segAt = m.segments.map(() => 0);
  let row = -1;
  for (let i = 0; i < L.length; i++) {
    rp.step();
    while (row + 1 < s.n && s.i[row + 1]! <= i + 1) row++;
    const c = rp.counts();
    expect([s.t[row], s.threads[row], s.procs[row], s.running[row], s.runnable[row], s.waiting[row], s.syscall[row], s.netpoll[row]], `row in force after event ${i}`).toEqual([
      L.t[s.i[row]! - 1],
      c.threads,
      c.gomaxprocs,
      c.running,
      c.runnable,
      c.waiting,
      c.syscall,
      c.netpoll,
    ]);
    const t = L.t[i]!;
    if (i + 1 < L.length && L.t[i + 1] === t) continue;
    for (let p = 0; p < m.segments.length; p++) {
      const segs = m.segments[p] ?? [];
      while (segAt[p]! < segs.length && segs[segAt[p]!]!.t1 <= t) segAt[p]!++;
      const sg = segs[segAt[p]!];
      if (sg === undefined || sg.t0 > t) continue;
      const { act, g } = pActivity(rp.ps[p], rp.ms);
      expect({ act, g }, `P${p} at ${t}`).toEqual({ act: sg.act, g: sg.g });
    }
  }
  for (const segs of m.segments) {
    const l = segs ?? [];
    for (let j = 1; j < l.length; j++) expect(l[j]!.t0).toBe(l[j - 1]!.t1);
    if (l.length) expect(l[l.length - 1]!.t1).toBe(m.endTime);
  }
}

async function model(src: string): Promise<RunModel> {
  const out = await runWorkload({ type: 'run', lang: 'ts', code: src, file: 'w.ts', knobs: { cost: {} } });
  if (!out.ok) throw new Error(out.error.message);
  const log = out.result.log;
  const done: RunDone = {
    type: 'done',
    exitCode: out.result.exitCode,
    reason: out.result.reason,
    message: out.result.message,
    simTime: out.result.simTime,
    events: out.result.events,
    stdout: out.result.stdout,
    stderr: out.result.stderr,
    effective: out.effective,
    params: out.params,
    godebugWarnings: out.warnings,
    wallMs: 0,
    cols: log.toColumns(),
  };
  return new RunModel(done);
}

describe('web runner', () => {
  it('uses the workload config and reports syntax errors at their line, in the CLI wording', async () => {
    const ok = await runWorkload({ type: 'run', lang: 'ts', code, file: 'u.ts', knobs: { cost: {} } });
    expect(ok.ok && ok.effective.gomaxprocs).toBe(4);
    const bad = await runWorkload({ type: 'run', lang: 'ts', code: 'import { go } from "gmpsim";\n\nexport function* main() {\n  let = 3;\n}\n', file: 'b.ts', knobs: { cost: {} } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.line).toBe(4);
      expect(bad.error.message).toMatch(/^gmpsim: b\.ts:4:\d+: /);
    }
    const noMain = await runWorkload({ type: 'run', lang: 'ts', code: 'export const x = 1;\n', file: 'n.ts', knobs: { cost: {} } });
    expect(!noMain.ok && noMain.error.message).toBe('gmpsim: n.ts: the workload has no exported main: add `export function* main() { … }`');
  });

  it("reports a Go syntax error in the words of the release knob's compiler", async () => {
    const goLoader = async () => await import('../../src/golang/index.js');
    const src = 'package main\n\nfunc main() {\n\tx := \n}\n';
    // go1.19.8 / go1.26.8 `go run` (test/golang/syntax/expr_missing_operand.go, expected.json)
    for (const [go, word] of [['1.19', 'expecting'], ['1.26', 'expected']] as const) {
      const r = await runWorkload({ type: 'run', lang: 'go', code: src, file: 'm.go', knobs: { cost: {}, go } }, goLoader);
      expect(!r.ok && r.error.message).toBe(`m.go:5:1: syntax error: unexpected }, ${word} expression`);
    }
  });

  it("applies the workload's params like the CLI's --param", async () => {
    const src = 'import { work, us, fmt } from "gmpsim";\nexport const params = { n: 3 };\nexport function* main() {\n  for (let i = 0; i < params.n; i++) yield* work(us(1));\n  yield* fmt.Println(params.n);\n}\n';
    const a = await runWorkload({ type: 'run', lang: 'ts', code: src, file: 'p.ts', knobs: { cost: {} } });
    const b = await runWorkload({ type: 'run', lang: 'ts', code: src, file: 'p.ts', knobs: { cost: {}, params: { n: '5' } } });
    expect(a.ok && a.params).toEqual({ n: 3 });
    expect(a.ok && a.result.stdout).toBe('3\n');
    expect(b.ok && b.result.stdout).toBe('5\n');
  });

  it('is deterministic: same workload and knobs, same log', async () => {
    const a = await model(code);
    const b = await model(code);
    expect(a.length).toBe(b.length);
    expect(Buffer.from(a.log.k.buffer).equals(Buffer.from(b.log.k.buffer))).toBe(true);
  });
});

describe('RunModel', () => {
  it("series and P timelines agree with the replay's counts and P activities after every event", async () => {
    const m = await model(code);
    checkAgainstReplay(m);
    expect(m.maxThreads).toBeGreaterThan(50);
    const mx = await model(mixed);
    checkAgainstReplay(mx);
    expect(new Set(mx.series.procs.subarray(0, mx.series.n))).toEqual(new Set([0, 1, 4, 2, 6]));
    const acts = new Set(mx.segments.flatMap((l) => (l ?? []).map((sg) => sg.act)));
    for (const a of ['run', 'idle', 'spin', 'dead'] as const) expect(acts.has(a), a).toBe(true);
  });

  it('indexes jumps just after their event, both ways', async () => {
    const m = await model(code);
    const first = m.jumps.retake[0]!;
    expect(m.log.k[first]).toBe(E.Retake);
    expect(m.nextOf('retake', 0, 1)).toBe(first + 1);
    expect(m.nextOf('retake', first + 1, -1)).toBe(-1);
    expect(m.nextOf('thread', m.length, -1)).toBe(m.jumps.thread[m.jumps.thread.length - 1]! + 1);
  });

  it('P activity segments are ordered and within the run', async () => {
    const m = await model(code);
    for (const segs of m.segments) {
      let t = 0;
      for (const sg of segs ?? []) {
        expect(sg.t0).toBeGreaterThanOrEqual(t);
        expect(sg.t1).toBeGreaterThan(sg.t0);
        t = sg.t1;
      }
      expect(t).toBeLessThanOrEqual(m.endTime);
    }
    expect(m.segments[0]!.some((s) => s.act === 'syscall')).toBe(true);
  });
});

describe('share links', () => {
  it('round-trip code, knobs and cursor', async () => {
    const st = { code: 'export function* main() {}\n// ü ✓', lang: 'ts' as const, knobs: { gomaxprocs: 3, seed: 9, godebug: 'schedtrace=1', maxEvents: 5000, cost: { threadCreate: 1234 }, params: { n: '7' } }, at: 42 };
    const h = await encodeShare(st);
    expect(h.startsWith('#')).toBe(true);
    expect(await decodeShare(h)).toEqual(st);
    expect(await decodeShare('#w=urandom&lang=ts')).toEqual({ id: 'urandom', lang: 'ts', knobs: { cost: {} } });
    expect(await decodeShare('#code=%%%')).toBeNull();
  });
  it('carry the Go release and the A/B box', async () => {
    const st = { id: 'urandom', lang: 'ts' as const, knobs: { go: '1.26', compare: true, cost: {} } };
    expect(await decodeShare(await encodeShare(st))).toEqual(st);
  });
});

describe('runner: the Go release', () => {
  it('follows the knob, else config.go, and the A/B text has a column per release', async () => {
    const src = `import { runtime, fmt } from 'gmpsim';\nexport const config = { go: '1.26' };\nexport function* main() {\n  yield* fmt.Println(yield* runtime.NumGoroutine());\n}\n`;
    const a = await runWorkload({ type: 'run', lang: 'ts', code: src, file: 'w.ts', knobs: { cost: {} } });
    expect(a.ok && a.effective.go).toBe('1.26');
    const b = await runWorkload({ type: 'run', lang: 'ts', code: src, file: 'w.ts', knobs: { cost: {}, go: '1.19', compare: true } });
    expect(b.ok && b.effective.go).toBe('1.19');
    expect(b.ok && b.ab).toMatch(/^\s+Go 1\.19\s+Go 1\.26$/m);
    const c = await runWorkload({ type: 'run', lang: 'ts', code: src, file: 'w.ts', knobs: { cost: {}, go: '1.21' } });
    expect(!c.ok && c.error.message).toBe('gmpsim: --go 1.21: gmpsim has no profile for Go 1.21 (it models 1.19, 1.26)');
  });
});

describe('gallery', () => {
  it('takes the title and description from the leading comment', () => {
    expect(leadingComment('// A. B\n// c\nimport x;')).toBe('A. B\nc');
    const [g] = galleryFrom({ '../../examples/x.ts': '// Blocking scenario 1 of 4: channel. More text\n// here.\n//\n// Look for: this.\nexport function* main() {}' }, {});
    expect(g!.title).toBe('Blocking scenario 1 of 4: channel');
    expect(g!.description).toBe('Blocking scenario 1 of 4: channel. More text here.\n\nLook for: this.');
    expect(g!.lang).toBe('ts');
  });
});
