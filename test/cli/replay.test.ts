/**
 * `gmpsim replay`: a real go1.26.8 trace (whatif/traces/, stamped in whatif/reference/) replayed from the
 * command line — its output, its JSON, its knobs — and the errors for traces it cannot read: one line
 * saying what, where (the byte offset) and what to do, exit status 1 (2 for bad flags), never a stack.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureBuilt, expectOneLineError, gmpsim, root } from './harness.js';

ensureBuilt();
const cond = 'whatif/traces/cond_queue.trace';
const sleeps = 'whatif/traces/blocking_syscalls.trace';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gmpsim-replay-cli-'));

describe('gmpsim replay', () => {
  it('replays a real trace: the summary and the replay next to the traced run', async () => {
    const o = await gmpsim(['replay', cond, '--summary']);
    expect(o.code, o.stderr).toBe(0);
    expect(o.stderr).toMatch(/── gmpsim summary: whatif\/traces\/cond_queue\.trace \(Go 1\.26\) ──/);
    expect(o.stderr).toMatch(/── replay of whatif\/traces\/cond_queue\.trace ──/);
    expect(o.stderr).toMatch(/reconstructed\s+9 goroutines/);
    expect(o.stderr).toMatch(/GOMAXPROCS 4 when traced/);
    expect(o.stderr).toMatch(/wall time\s+\S+ms\s+\S+ms/);
  });
  it('--json: schema gmpsim-replay/1, deterministic, syscalls as traced', async () => {
    const a = await gmpsim(['replay', sleeps, '--json', '--gomaxprocs', '2']);
    const b = await gmpsim(['replay', sleeps, '--json', '--gomaxprocs', '2']);
    expect(a.code, a.stderr).toBe(0);
    const ja = JSON.parse(a.stdout);
    const jb = JSON.parse(b.stdout);
    expect(ja.schema).toBe('gmpsim-replay/1');
    expect(ja.traceVersion).toBe('go1.26');
    expect(ja.settings.gomaxprocs).toBe(2);
    expect(ja.settings.go).toBe('1.26');
    expect(ja.traced.syscalls).toBe(641);
    expect(ja.replay.syscalls).toBe(641);
    expect(ja.replay).toEqual(jb.replay);
  });
  it('--keep-tracing also replays the tracer\'s and profiler\'s goroutines (their syscalls), and says so in --json', async () => {
    // cond_queue.trace holds runtime/trace's multiplexer goroutine and runtime/pprof's profileWriter
    // (which reads /proc/self/maps: ≈25 syscalls), and the tracer's CPU sample reader and generation
    // advancer (the runtime's, sleeping on their timers); the program's own syscalls stay 1 in both figures.
    const plain = JSON.parse((await gmpsim(['replay', cond, '--json'])).stdout);
    const kept = JSON.parse((await gmpsim(['replay', cond, '--json', '--keep-tracing'])).stdout);
    expect([plain.settings.keepTracing, kept.settings.keepTracing]).toEqual([false, true]);
    expect(kept.reconstruction.goroutines).toBe(plain.reconstruction.goroutines + 4);
    expect(kept.reconstruction.syscalls).toBeGreaterThan(plain.reconstruction.syscalls + 20);
    expect([plain.replay.syscalls, kept.replay.syscalls, kept.traced.syscalls]).toEqual([1, 1, 1]);
  });
  it('--scale-syscalls 5: five times longer syscalls make the run longer', async () => {
    const base = JSON.parse((await gmpsim(['replay', sleeps, '--json'])).stdout);
    const slow = JSON.parse((await gmpsim(['replay', sleeps, '--json', '--scale-syscalls', '5'])).stdout);
    expect(slow.settings.scale.syscalls).toBe(5);
    expect(slow.replay.wallNs).toBeGreaterThan(base.replay.wallNs * 3);
  });
  it('gmpsim sweep takes a trace: one replay per GOMAXPROCS', async () => {
    const o = await gmpsim(['sweep', cond, '--gomaxprocs', '1,2', '-j', '1', '--json']);
    expect(o.code, o.stderr).toBe(0);
    const j = JSON.parse(o.stdout);
    expect(j.cells.map((c: { gomaxprocs: number; exit: { code: number } }) => [c.gomaxprocs, c.exit.code])).toEqual([
      [1, 0],
      [2, 0],
    ]);
  });
  it('--trace writes the replay as a go1.26 trace that replays again', async () => {
    const out = path.join(tmp, 'again.trace');
    const o = await gmpsim(['replay', cond, '--trace', out]);
    expect(o.code, o.stderr).toBe(0);
    const again = await gmpsim(['replay', out, '--json']);
    expect(again.code, again.stderr).toBe(0);
  });
});

describe('gmpsim replay: traces it cannot read', () => {
  const write = (name: string, bytes: Uint8Array | string): string => {
    const f = path.join(tmp, name);
    fs.writeFileSync(f, bytes);
    return f;
  };
  const real = new Uint8Array(fs.readFileSync(path.join(root, cond)));
  it('a missing file', async () => expectOneLineError(await gmpsim(['replay', 'nope.trace']), 1, /nope\.trace: no such file.*runtime\/trace\.Start/));
  it('a truncated trace: the offset, and how to get a whole one', async () => {
    const f = write('cut.trace', real.subarray(0, 5000));
    expectOneLineError(await gmpsim(['replay', f]), 1, /cannot read the trace: .*\(at byte \d+ of 5000\); the file is cut short: let the program call trace\.Stop/);
  });
  it('a corrupt trace', async () => {
    const b = real.slice();
    b[16] = 0x7f; // the first batch's type byte
    expectOneLineError(await gmpsim(['replay', write('bad.trace', b)]), 1, /expected a batch .*found byte 127 \(at byte 16 of \d+\); the file is damaged: record the trace again/);
  });
  it('a go1.19 trace', async () => expectOneLineError(await gmpsim(['replay', write('old.trace', 'go 1.19 trace\0\0\0\x00')]), 1, /a go1\.19 trace: .*record the program with Go 1\.22 or later/));
  it('not a trace', async () => expectOneLineError(await gmpsim(['replay', write('text.trace', 'hello')]), 1, /not a Go execution trace/));
  it('bad knobs', async () => {
    expectOneLineError(await gmpsim(['replay', cond, '--scale-cpu', '0']), 2, /--scale-cpu "0": must be a positive number/);
    expectOneLineError(await gmpsim(['replay', cond, '--trace-cpus', 'two']), 2, /--trace-cpus "two": must be a positive integer/);
    expectOneLineError(await gmpsim(['replay', cond, '--go', '1.19,1.26']), 2, /give one --go release/);
  });
});
