/**
 * The user's side of the version profiles (issue #12): `--go`, config.go, the default, A/B runs,
 * --cpu-quota, GODEBUG's 1.25+ keys. Real-toolchain output per release is checked in
 * test/versions/formats.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { ensureBuilt, expectOneLineError, fx, gmpsim, root } from './harness.js';

ensureBuilt();

describe('--go picks the release', () => {
  it('accepts 1.26, go1.26 and 1.26.8 alike; the default is 1.19, byte for byte', async () => {
    const env = { GODEBUG: 'schedtrace=10', GOMAXPROCS: '2' };
    const [a, b, c] = await Promise.all(['1.26', 'go1.26', '1.26.8'].map((g) => gmpsim(['run', '--go', g, fx('urandom.ts')], env)));
    expect(a.code, a.stderr).toBe(0);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    // go1.26.8's schedtrace line (proc.go schedtrace): needspinning=, `[ a b ]`, schedticks=[ … ].
    expect(a.stderr).toMatch(/^SCHED 0ms: gomaxprocs=2 idleprocs=\d+ threads=\d+ spinningthreads=\d+ needspinning=0 idlethreads=\d+ runqueue=\d+ \[ \d+ \d+ \] schedticks=\[ \d+ \d+ \]$/m);
    const [d, e] = await Promise.all([gmpsim(['run', fx('urandom.ts')], env), gmpsim(['run', '--go', '1.19', fx('urandom.ts')], env)]);
    expect(d).toEqual(e);
    expect(d.stderr).toMatch(/^SCHED 0ms: gomaxprocs=2 idleprocs=\d+ threads=\d+ spinningthreads=\d+ idlethreads=\d+ runqueue=\d+ \[\d+ \d+\]$/m);
  });

  it('names the releases it models when given another', async () => {
    expectOneLineError(await gmpsim(['run', '--go', '1.21', fx('hello.ts')]), 2, /--go 1\.21: gmpsim has no profile for Go 1\.21 \(it models 1\.19, 1\.26\)/);
    expectOneLineError(await gmpsim(['run', '--go', 'latest', fx('hello.ts')]), 2, /"latest" is not a Go version \(expected one of 1\.19, 1\.26/);
    expectOneLineError(await gmpsim(['run', '--go', '1.19,1.19', fx('hello.ts')]), 2, /Go 1\.19 is listed twice/);
    expectOneLineError(await gmpsim(['run', '--go', '1.19,', fx('hello.ts')]), 2, /empty item/);
  });

  it('the help says which release is the default and why', async () => {
    const o = await gmpsim(['run', '--help']);
    expect(o.code).toBe(0);
    const text = o.stdout.replace(/\s+/g, ' ');
    expect(text).toMatch(/--go <release\[,release\]>/);
    // neither release passes 95 % of its conformance checks yet (docs/fidelity.md): the help says so
    expect(text).toMatch(/Default 1\.19: the release the seeds describe and the first one modelled; no release is validated yet \(≥ 95 % of its conformance checks: docs\/fidelity\.md\)/);
    expect(text).toMatch(/--cpu-quota <cores>/);
  });

  it('the summary names the release when it is not the default', async () => {
    const [a, b] = await Promise.all([gmpsim(['run', '--go', '1.26', fx('hello.ts'), '--summary']), gmpsim(['run', fx('hello.ts'), '--summary'])]);
    expect(a.stderr).toMatch(/^── gmpsim summary: test\/cli\/fixtures\/hello\.ts \(Go 1\.26\) ──$/m);
    expect(b.stderr).toMatch(/^── gmpsim summary: test\/cli\/fixtures\/hello\.ts ──$/m);
  });

  it("a workload's config.go chooses it (and --go overrides it); an unknown one is the workload's error", async () => {
    const o = await gmpsim(['run', fx('go126config.ts')]);
    expect(o.code, o.stderr).toBe(0);
    // Go 1.26 under a 2.5-core limit on 8 CPUs: min(8, max(2, ceil(2.5))) = 3 (cgroup_linux.go).
    expect(o.stdout).toBe('GOMAXPROCS 3\n');
    const p = await gmpsim(['run', '--go', '1.19', fx('go126config.ts')]);
    expect(p.stdout).toBe('GOMAXPROCS 8\n');
    expectOneLineError(await gmpsim(['run', fx('badgo.ts')]), 1, /config\.go: gmpsim has no profile for Go 1\.21/);
  });
});

describe('A/B: --go 1.19,1.26', () => {
  it('runs both, marks which output is which, and prints the summaries side by side with the differences marked', async () => {
    const o = await gmpsim(['run', '--go', '1.19,1.26', fx('versions.go'), '--summary']);
    expect(o.code, o.stderr).toBe(0);
    expect(o.stdout).toBe('==> Go 1.19 <==\nNumGoroutine 1\n\n==> Go 1.26 <==\nNumGoroutine 1\n');
    const table = o.stderr.slice(o.stderr.indexOf('── gmpsim A/B summary'));
    expect(table).toMatch(/^── gmpsim A\/B summary: test\/cli\/fixtures\/versions\.go \(≠ marks a difference\) ──\n\s+Go 1\.19\s+Go 1\.26\n/);
    // Go 1.26 starts one more runtime goroutine (the GOMAXPROCS updater): marked.
    expect(table).toMatch(/^≠ system goroutines\s+4\s+5$/m);
    expect(table).toMatch(/^  exit status\s+0 \(exited\)\s+0 \(exited\)$/m);
    // Deterministic: the same text again.
    const again = await gmpsim(['run', '--go', '1.19,1.26', fx('versions.go'), '--summary']);
    expect(again.stderr).toBe(o.stderr);
  });

  it('gives both runs the same standard input', () => {
    const o = spawnSync(process.execPath, ['bin/gmpsim.js', 'run', '--go', '1.19,1.26', fx('countlines.go')], { cwd: root, input: 'a\nb\nc\n', encoding: 'utf8' });
    expect(o.status, o.stderr).toBe(0);
    expect(o.stdout).toBe('==> Go 1.19 <==\nlines 3\n\n==> Go 1.26 <==\nlines 3\n');
  });

  it('--json gives one object with a run per release; --plot wants one release', async () => {
    const o = await gmpsim(['run', '--go', '1.19,1.26', fx('versions.go'), '--json']);
    expect(o.code, o.stderr).toBe(0);
    const j = JSON.parse(o.stdout) as { schema: string; runs: { settings: { go: string }; stdout: string }[] };
    expect(j.schema).toBe('gmpsim-ab/1');
    expect(j.runs.map((r) => r.settings.go)).toEqual(['1.19', '1.26']);
    expect(j.runs.map((r) => r.stdout)).toEqual(['NumGoroutine 1\n', 'NumGoroutine 1\n']);
    expectOneLineError(await gmpsim(['run', '--go', '1.19,1.26', fx('versions.go'), '--plot', '/tmp/x.svg']), 2, /--plot draws one run/);
  });
});

describe('--cpu-quota and GODEBUG updatemaxprocs/containermaxprocs', () => {
  it('sets GOMAXPROCS by Go 1.26’s rule and leaves Go 1.19 at NumCPU', async () => {
    const r = async (args: string[], env: Record<string, string> = {}): Promise<number> => {
      const o = await gmpsim(['run', ...args, fx('versions.go'), '--json'], env);
      expect(o.code, o.stderr).toBe(0);
      return (JSON.parse(o.stdout) as { summary: { gomaxprocs: { initial: number } } }).summary.gomaxprocs.initial;
    };
    expect(await r(['--go', '1.26', '--ncpu', '8', '--cpu-quota', '1.5'])).toBe(2);
    expect(await r(['--go', '1.19', '--ncpu', '8', '--cpu-quota', '1.5'])).toBe(8);
    expect(await r(['--go', '1.26', '--ncpu', '8', '--cpu-quota', '1.5'], { GODEBUG: 'containermaxprocs=0' })).toBe(8);
    expect(await r(['--go', '1.26', '--ncpu', '8', '--cpu-quota', '1.5'], { GOMAXPROCS: '5' })).toBe(5);
  });
  it('rejects a limit that is not a positive number of cores, and steps out of order', async () => {
    expectOneLineError(await gmpsim(['run', '--cpu-quota', '0', fx('hello.ts')]), 2, /--cpu-quota 0: "0" is not a positive number of cores/);
    expectOneLineError(await gmpsim(['run', '--cpu-quota', '2,1@1s,3@500ms', fx('hello.ts')]), 2, /the steps' times must increase/);
  });
  it('knows the 1.25+ GODEBUG keys (no "ignored" warning)', async () => {
    const o = await gmpsim(['run', '--go', '1.26', fx('hello.ts')], { GODEBUG: 'updatemaxprocs=0,containermaxprocs=0' });
    expect(o.code).toBe(0);
    expect(o.stderr).toBe('');
  });
});
