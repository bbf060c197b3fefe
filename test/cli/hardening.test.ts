/**
 * The CLI's budgets, limits and error paths (issue 13), end to end: the built command run as a
 * subprocess (test/cli/harness.ts).
 *
 * Expected values come from Go's own behaviour (named toolchains, recorded below), the go1.19
 * runtime source, and the CLI's documented contract (cli/README-cli.md: exit 124 when gmpsim
 * stops a program, 2 for usage errors, one `gmpsim:` line per error).
 */
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { gmpsim, fx, root, expectOneLineError, ensureBuilt } from './harness.js';
import { calibrationText } from '../../cli/calibrate.js';
import { defaultCosts } from '../../src/runtime/cost.js';

ensureBuilt();

/** The `gmpsim: …` line a budget stop prints (exactly one). */
function stopLine(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => l.startsWith('gmpsim: '));
  expect(lines, stderr).toHaveLength(1);
  return lines[0]!;
}

describe('a goroutine that never yields (item 3)', () => {
  it('`run spin.ts --timeout 2s` stops with exit 124, one line naming the goroutine, and the partial summary', async () => {
    // 2 s of wall time: the runaway is recognised by the CPU it burnt without a watchdog check
    // (cli/execute.ts checkGapCpuMs), which a loaded machine gives this process slowly.
    const o = await gmpsim(['run', fx('spin.ts'), '--timeout', '2s', '--summary']);
    expect(o.code, o.stderr).toBe(124);
    expect(o.stdout).toBe('spinning\n');
    const line = stopLine(o.stderr);
    expect(line).toMatch(/^gmpsim: stopped after [\d.]+m?s of wall-clock time at simulated time .*: goroutine 1 \(main\.main\) on M0 ran JavaScript for .* without returning to the scheduler/);
    expect(o.stderr).toMatch(/── gmpsim summary: .*spin\.ts ──\n {2}exit status +124 \(stopped by gmpsim: budget\)/);
    expect(o.stderr).not.toMatch(/\n\s+at /);
  });

  it('`run spin.ts` with no flags stops too (the stall limit), exit 124', async () => {
    const o = await gmpsim(['run', fx('spin.ts')]);
    expect(o.code, o.stderr).toBe(124);
    expect(stopLine(o.stderr)).toMatch(/never yields/);
  });

  it('--json of a runaway run is one JSON object with exit 124 and the partial summary', async () => {
    const o = await gmpsim(['run', fx('spin.ts'), '--timeout', '2s', '--json']);
    expect(o.code, o.stderr).toBe(124);
    const j = JSON.parse(o.stdout) as { exit: { code: number; reason: string; message: string }; stdout: string; summary: { goroutines: { created: number } } };
    expect(j.exit.code).toBe(124);
    expect(j.exit.message).toMatch(/never yields/);
    expect(j.stdout).toBe('spinning\n');
    expect(j.summary.goroutines.created).toBe(1);
  });

  it('a sweep of a runaway workload finishes: every cell stopped with 124', async () => {
    const o = await gmpsim(['sweep', fx('spin.ts'), '--gomaxprocs', '1,2', '--timeout', '1s', '--jobs', '2']);
    expect(o.code, o.stderr).toBe(0);
    const rows = o.stdout.trim().split('\n').slice(1);
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r).toMatch(/124 budget/);
  });

  it('a wall-clock budget stops a program that keeps running, through the engine\'s own check', async () => {
    const o = await gmpsim(['run', fx('forever.ts'), '--timeout', '1s', '--max-events', '1000000000']);
    expect(o.code, o.stderr).toBe(124);
    expect(stopLine(o.stderr)).toMatch(/^gmpsim: stopped after [\d.]+m?s of wall-clock time at simulated time .*: the --timeout budget of 1s ran out while the program was still running$/);
  });
});

describe('a Go program recursing without end (issue 11: recursion depth, tracebacks cut at 100 frames)', () => {
  it('`run recurse.go` ends in Go\'s fatal stack overflow, exit 2, its traceback cut as go1.19 cuts it, not in the stall limit', async () => {
    // go1.19.8 (gotests/reference/go1.19/stack_overflow.json): newstack's two lines, `fatal error:
    // stack overflow`, the runtime stack, goroutine 1's 100 innermost frames and `...additional frames
    // elided...`, then the runtime's goroutines. Reaching the simulator's 500,000-frame limit takes
    // seconds of JavaScript (more on a loaded machine), which the Go stall limit allows.
    const o = await gmpsim(['run', fx('recurse.go'), '--go', '1.19']);
    expect(o.code, o.stderr.slice(0, 2000)).toBe(2);
    expect(o.stderr.startsWith('runtime: goroutine stack exceeds 1000000000-byte limit\nruntime: sp=')).toBe(true);
    expect(o.stderr).toContain('\nfatal error: stack overflow\n\nruntime stack:\nruntime.throw(');
    const g1 = o.stderr.split('\ngoroutine 1 [running]:\n')[1]!.split('\n\n')[0]!;
    expect(g1.match(/^main\.f\(\.\.\.\)$/gm)).toHaveLength(100);
    expect(g1.trimEnd().endsWith('...additional frames elided...')).toBe(true);
    expect(o.stderr).not.toMatch(/^gmpsim: /m);
  }, 120_000);
});

describe('a cgo program calling a C function of its own (issue 19 item 8: never silently made up)', () => {
  it('`run cgo_preamble.go` warns once that C.add is not run and what it returns instead; C.uint is main._Ctype_uint', async () => {
    // go1.26.8 `go run` of the same file prints `main._Ctype_uint 3`: gmpsim cannot run the C
    // function, so its result differs — and the run says so on stderr instead of printing 0 silently.
    const o = await gmpsim(['run', fx('cgo_preamble.go')]);
    expect(o.code, o.stderr).toBe(0);
    expect(o.stdout).toBe('main._Ctype_uint 0\n');
    const warnings = o.stderr.split('\n').filter((l) => l.startsWith('gmpsim: warning: '));
    expect(warnings).toEqual(['gmpsim: warning: C.add: gmpsim does not run C code: each call is a cgo call (entersyscall … exitsyscall) of 1000 ns that returns 0; CompileOptions.cgo sets its duration']);
  });
});

describe('a starved process is not a runaway', () => {
  it('a run stopped by SIGSTOP past its --timeout ends with the timeout message, not "never yields"', async () => {
    // The process makes progress but gets no CPU for 2.5 s of wall time (as on a loaded machine): the
    // stop must be blamed on the budget, not on a loop that never yields (it used no CPU meanwhile).
    const child = spawn(process.execPath, ['bin/gmpsim.js', 'run', fx('forever.ts'), '--timeout', '2s', '--max-events', '1000000000'], { cwd: root });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const code = new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
    await new Promise((r) => setTimeout(r, 700));
    child.kill('SIGSTOP');
    await new Promise((r) => setTimeout(r, 2500));
    child.kill('SIGCONT');
    expect(await code, stderr).toBe(124);
    expect(stopLine(stderr)).toMatch(/the --timeout budget of 2s ran out while the program was still running$/);
  });
});

describe('memory budget (item 12)', () => {
  it('a Go recursion allocating a 512 KiB local per call stops at --max-heap, not a V8 abort', async () => {
    // Before: the allocations never reached the runtime (no runtime op between calls), and the
    // watchdog checked 65536 events apart; the simulation's heap hit V8's limit (exit 134).
    const o = await gmpsim(['run', '--go', '1.26', fx('heaplocals.go'), '--max-heap', '200']);
    expect(o.code, o.stderr).toBe(124);
    expect(stopLine(o.stderr)).toMatch(/^gmpsim: stopped at simulated time .* with 1 goroutines alive: the simulation's memory reached \d+ MiB, its budget of 200 MiB \(raise it with --max-heap <MiB>\)$/);
    expect(o.stderr).not.toMatch(/heap out of memory|FATAL ERROR|Native stack/);
  });

  it('10M parked goroutines stop at --max-heap with the count alive and the flag to raise, exit 124, no V8 abort', async () => {
    const o = await gmpsim(['run', fx('parked.ts'), '--max-heap', '150', '--summary']);
    expect(o.code, o.stderr).toBe(124);
    const line = stopLine(o.stderr);
    expect(line).toMatch(/^gmpsim: stopped at simulated time .* with (\d+) goroutines alive: the simulation's memory reached \d+ MiB, its budget of 150 MiB \(raise it with --max-heap <MiB>\)$/);
    const alive = Number(/with (\d+) goroutines alive/.exec(line)![1]);
    expect(alive).toBeGreaterThan(10_000);
    expect(o.stderr).toMatch(/goroutines +\d+ created/);
    expect(o.stderr).not.toMatch(/heap out of memory|FATAL ERROR|Native stack/);
  });

  it('--max-heap takes a positive number of MiB', async () => {
    expectOneLineError(await gmpsim(['run', fx('hello.ts'), '--max-heap', '1.5GB']), 2, /--max-heap: "1\.5GB" is not a positive integer/);
  });
});

describe('--max-events counts what the views count (items 4, 11)', () => {
  it('a 100-event budget stops a longer run; the message and the summary give the same count', async () => {
    const full = await gmpsim(['run', fx('hello.ts'), '--json']);
    const total = (JSON.parse(full.stdout) as { summary: { events: number } }).summary.events;
    expect(total).toBeGreaterThan(300);
    const o = await gmpsim(['run', fx('hello.ts'), '--max-events', '100', '--summary']);
    expect(o.code, o.stderr).toBe(124);
    const n = Number(/stopped after (\d+) events/.exec(stopLine(o.stderr))![1]);
    expect(n).toBeGreaterThanOrEqual(100);
    expect(n).toBeLessThan(150);
    expect(o.stderr).toContain(`   ${n} events\n`);
  });
});

describe('GOMAXPROCS above 1024 (item 7)', () => {
  // Real Go has no upper limit. Recorded here with a program printing runtime.GOMAXPROCS(0), then
  // runtime.GOMAXPROCS(3000) and GOMAXPROCS(0) again, built with each toolchain:
  //   go version go1.19.8 linux/amd64 (/usr/lib/go-1.19/bin/go):
  //     GOMAXPROCS=2000 → "2000 3000"; GOMAXPROCS=2147483647 → "fatal error: slice bounds out of
  //     range" (procresize's maskWords = (nprocs+31)/32 overflows int32); GOMAXPROCS=2147483648 →
  //     ignored (atoi32 fails), NumCPU used.
  //   go version go1.26.8 linux/amd64 (/usr/local/go/bin/go): the same three results.
  // Source: go1.19 runtime/proc.go schedinit (`if n, ok := atoi32(gogetenv("GOMAXPROCS")); ok &&
  // n > 0 { procs = n }`), procresize (only `nprocs <= 0` throws), debug.go GOMAXPROCS (no cap).
  it('GOMAXPROCS=2000 runs with 2000 Ps, as go1.19 and go1.26 do', async () => {
    const o = await gmpsim(['run', fx('hello.ts'), '--json'], { GOMAXPROCS: '2000' });
    expect(o.code, o.stderr).toBe(0);
    const j = JSON.parse(o.stdout) as { settings: { gomaxprocs: number }; summary: { gomaxprocs: { initial: number }; pTime: { perP: unknown[] } } };
    expect(j.settings.gomaxprocs).toBe(2000);
    expect(j.summary.gomaxprocs.initial).toBe(2000);
    expect(j.summary.pTime.perP).toHaveLength(2000);
  });

  it('--gomaxprocs beyond what gmpsim simulates is refused in one line that gives Go\'s real limit', async () => {
    expectOneLineError(await gmpsim(['run', fx('hello.ts'), '--gomaxprocs', '5000000']), 2, /--gomaxprocs: 5000000 Ps is more than gmpsim simulates \(at most 100000; real Go accepts up to 2147483646\)/);
  });
});

describe('seeds and costs (item 10)', () => {
  it('--seed 4294967296 is its own seed, not seed 0, and the JSON reports it', async () => {
    const run = async (seed: string): Promise<{ settings: { seed: number }; summary: { simTimeNs: number } }> => {
      const o = await gmpsim(['run', fx('urandom.ts'), '--seed', seed, '--json']);
      expect(o.code, o.stderr).toBe(0);
      return JSON.parse(o.stdout) as { settings: { seed: number }; summary: { simTimeNs: number } };
    };
    const [big, zero, again] = await Promise.all([run('4294967296'), run('0'), run('4294967296')]);
    expect(big.settings.seed).toBe(4294967296);
    expect(big.summary.simTimeNs).not.toBe(zero.summary.simTimeNs);
    expect(again.summary.simTimeNs).toBe(big.summary.simTimeNs);
  });

  it('a cost beyond what the simulated clock can hold is refused', async () => {
    expectOneLineError(await gmpsim(['run', fx('hello.ts'), '--cost', 'threadCreate=99999999999999999999']), 2, /--cost threadCreate=99999999999999999999: the value is more than gmpsim takes \(at most 24h/);
  });

  it('a fraction-valued cost gets the fraction error text, not the nanoseconds one', async () => {
    for (const bad of ['jitter=abc', 'jitter=50us', 'slackJitter=3']) {
      const o = await gmpsim(['run', fx('hello.ts'), '--cost', bad]);
      expectOneLineError(o, 2, /: the value is a fraction from 0 to 2 \(/);
      expect(o.stderr).not.toMatch(/nanoseconds/);
    }
  });
});

describe('JavaScript exceptions in a workload (item 14)', () => {
  it('the panic traceback gives the workload file and line of the throw, and of its callers', async () => {
    const o = await gmpsim(['run', fx('throws.ts')]);
    expect(o.code).toBe(2);
    const abs = path.resolve('test/cli/fixtures/throws.ts');
    // throws.ts line 7: `yield* fmt.Println(o.x!.y);`
    expect(o.stderr).toContain(`goroutine 1 [running]:\nmain.main()\n\t${abs}:7 +0x0\n`);
  });
});

describe('--json with --summary, and --plot to a bad place (item 15)', () => {
  it('--json --summary prints the JSON on stdout and the summary on stderr', async () => {
    const o = await gmpsim(['run', fx('hello.ts'), '--json', '--summary']);
    expect(o.code, o.stderr).toBe(0);
    expect((JSON.parse(o.stdout) as { schema: string }).schema).toBe('gmpsim-run/1');
    expect(o.stderr).toMatch(/── gmpsim summary: .*hello\.ts ──/);
  });

  it('--plot into a missing directory is a usage error before anything runs', async () => {
    const o = await gmpsim(['run', fx('forever.ts'), '--plot', '/nonexistent/x.svg']);
    expectOneLineError(o, 2, /--plot \/nonexistent\/x\.svg: the directory \/nonexistent does not exist/);
  });

  it('sweep --plot into a missing directory fails the same way', async () => {
    expectOneLineError(await gmpsim(['sweep', fx('hello.ts'), '--gomaxprocs', '1,2', '--plot', '/nonexistent/x.svg']), 2, /the directory \/nonexistent does not exist/);
  });
});

describe('calibrate (item 16)', () => {
  it('--go /bin/true is refused at once: it is not a Go toolchain', async () => {
    expectOneLineError(await gmpsim(['calibrate', '--go', '/bin/true']), 2, /^gmpsim: calibrate: \/bin\/true is not a working Go toolchain \(`\/bin\/true version` failed: it printed "" instead of "go version go1\.…"\)$/);
  });

  it('prints fraction parameters without "ns" and flags parameters that moved between runs', () => {
    const text = calibrationText(
      'go version go1.19.8 linux/amd64',
      2,
      { goroutineCreate: 120, slackJitter: 1.34 },
      { goroutineCreate: { min: 31, max: 240 }, slackJitter: { min: 1.3, max: 1.38 } },
      ['goroutineCreate'],
    );
    expect(text).toMatch(new RegExp(`^ {2}slackJitter +1\\.34 {6}\\(default ${defaultCosts.slackJitter}\\)`, 'm'));
    expect(text).not.toMatch(/slackJitter +1\.34 ns/);
    expect(text).toMatch(new RegExp(`^ {2}goroutineCreate +120 ns +\\(default ${defaultCosts.goroutineCreate}\\) {2}runs 31–240 \\(unstable\\)$`, 'm'));
    expect(text).toMatch(/Unstable between runs: goroutineCreate/);
  });
});

describe('the plot of a long run (item 2)', () => {
  it('--plot of a run with over 1.2M events writes the file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gmpsim-plot-'));
    const out = path.join(dir, 'long.svg');
    const o = await gmpsim(['run', fx('forever.ts'), '--max-events', '1300000', '--plot', out]);
    expect(o.code, o.stderr).toBe(124);
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^<svg /);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});

describe('sweeps in shards (--shard K/N --out, --merge)', () => {
  it('three shards merged print the table one machine prints, and the same JSON but for wall times', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gmpsim-shards-'));
    const grid = ['--gomaxprocs', '1,2,4', '--seed', '1,2', '--jobs', '1'];
    const whole = await gmpsim(['sweep', fx('hello.ts'), ...grid]);
    const wholeJson = await gmpsim(['sweep', fx('hello.ts'), ...grid, '--json']);
    expect(whole.code, whole.stderr).toBe(0);
    const outs = [1, 2, 3].map((k) => path.join(dir, `s${k}.jsonl`));
    for (const [i, out] of outs.entries()) {
      const o = await gmpsim(['sweep', fx('hello.ts'), ...grid, '--shard', `${i + 1}/3`, '--out', out]);
      expect(o.code, o.stderr).toBe(0);
      expect(o.stderr).toBe(`gmpsim: wrote 2 of the grid's 6 cells to ${out} (shard ${i + 1}/3)\n`);
    }
    const merged = await gmpsim(['sweep', '--merge', outs[2]!, outs[0]!, outs[1]!]);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toBe(whole.stdout);
    const mergedJson = await gmpsim(['sweep', '--merge', ...outs, '--json']);
    const strip = (t: string): unknown => JSON.parse(t.replace(/"wallTimeMs": [\d.]+/g, '"wallTimeMs": 0'));
    expect(strip(mergedJson.stdout)).toEqual(strip(wholeJson.stdout));
    // A missing shard is named.
    expectOneLineError(await gmpsim(['sweep', '--merge', outs[0]!, outs[2]!]), 1, /2 of 6 cells are missing \(shard 2\/3\)/);
    // Shards of another grid do not merge.
    const other = path.join(dir, 'other.jsonl');
    await gmpsim(['sweep', fx('hello.ts'), '--gomaxprocs', '1,2', '--shard', '1/3', '--out', other]);
    expectOneLineError(await gmpsim(['sweep', '--merge', outs[0]!, other]), 1, /is not a shard of the same sweep .*: the grid differs/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('--shard takes K/N with 1 ≤ K ≤ N', async () => {
    expectOneLineError(await gmpsim(['sweep', fx('hello.ts'), '--shard', '4/3', '--out', '/tmp/x.jsonl']), 2, /--shard 4\/3: K must be from 1 to N/);
  });
});

describe('--cost sets the simulated kernel\'s I/O costs for a Go program (src/sys/costs.ts)', () => {
  const created = (stdout: string): number => Number(/created_us=(\d+)/.exec(stdout)?.[1] ?? NaN);
  it('os.Create pays createCall: ten creates take ten times what --cost createCall=1ms says', async () => {
    const base = await gmpsim(['run', fx('create_files.go')]);
    expect(base.code, base.stderr).toBe(0);
    // the default: fs_costs.json's create_us (135.2 µs) per create, plus close and Go's own work
    expect(created(base.stdout)).toBeGreaterThanOrEqual(10 * 135);
    expect(created(base.stdout)).toBeLessThan(10 * 250);
    const slow = await gmpsim(['run', fx('create_files.go'), '--cost', 'createCall=1ms']);
    expect(slow.code, slow.stderr).toBe(0);
    expect(created(slow.stdout)).toBeGreaterThanOrEqual(10_000);
    expect(created(slow.stdout)).toBeLessThan(10_000 + 10 * 200);
  });
  it('--json shows the I/O costs given', async () => {
    const o = await gmpsim(['run', fx('create_files.go'), '--cost', 'missReadPerByte=5', '--json']);
    expect(o.code, o.stderr).toBe(0);
    expect((JSON.parse(o.stdout) as { settings: { ioCost: Record<string, number> } }).settings.ioCost).toEqual({ missReadPerByte: 5 });
  });
  it('a bad value, an unknown name and an I/O cost for a TypeScript workload are usage errors (exit 2), never dropped', async () => {
    expectOneLineError(await gmpsim(['run', fx('create_files.go'), '--cost', 'createCall=abc']), 2, /--cost createCall=abc: the value must be a non-negative number of nanoseconds or a Go duration/);
    expectOneLineError(await gmpsim(['run', fx('create_files.go'), '--cost', 'missReadPerByte=1us']), 2, /--cost missReadPerByte=1us: the value must be a non-negative number of nanoseconds per byte/);
    expectOneLineError(await gmpsim(['run', fx('create_files.go'), '--cost', 'diskSpeed=2']), 2, /--cost diskSpeed: unknown cost parameter \(runtime: .*; I\/O of the simulated kernel, for Go programs: .*createCall/);
    expectOneLineError(await gmpsim(['run', fx('spin.ts'), '--cost', 'createCall=1ms']), 2, /--cost createCall: an I\/O cost of the simulated kernel, which Go programs' system calls pay; a TypeScript workload gives its system calls' durations itself/);
  });
});
