/**
 * End-to-end tests of the built `gmpsim` command, run as a subprocess (node bin/gmpsim.js …).
 * The command is built first (npx tsc -p tsconfig.json) when dist/ is missing or older than the sources.
 *
 * Expected values come from Go's documented behaviour and the spec (/work/shared/runtime-spec.md):
 * exit statuses and fatal texts from §18 (runtime/proc.go checkdead, runtime/panic.go), the SCHED
 * line format from §17.1 (runtime/proc.go schedtrace, go1.19).
 */
import { defaultCosts } from '../../src/runtime/cost.js';
import { describe, it, expect } from 'vitest';
import { root, fx, gmpsim, ensureBuilt, expectOneLineError } from './harness.js';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

ensureBuilt();

/** go1.19 short-form schedtrace line (spec §17.1). */
const schedRe = /^SCHED (\d+)ms: gomaxprocs=(\d+) idleprocs=(\d+) threads=(\d+) spinningthreads=(\d+) idlethreads=(\d+) runqueue=(\d+) \[(\d+(?: \d+)*)\]$/;

describe.concurrent('gmpsim run', () => {
  it('runs a workload: program output on stdout, nothing on stderr, exit 0', async () => {
    const o = await gmpsim(['run', fx('hello.ts')]);
    expect(o).toEqual({ code: 0, stdout: 'sum of squares: 14\n', stderr: '' });
  });

  it('a deadlock is Go\'s fatal error, exit status 2 (spec §18, runtime.checkdead)', async () => {
    const o = await gmpsim(['run', fx('deadlock.ts')]);
    expect(o.code).toBe(2);
    expect(o.stdout).toBe('about to block\n');
    const lines = o.stderr.split('\n');
    expect(lines[0]).toBe('fatal error: all goroutines are asleep - deadlock!');
    expect(lines[1]).toBe('');
    expect(lines[2]).toBe('goroutine 1 [chan receive]:');
    expect(lines[3]).toBe('main.main()');
  });

  it('an unrecovered panic prints panic: and the goroutine, exit status 2 (spec §18)', async () => {
    const o = await gmpsim(['run', fx('panic.ts')]);
    expect(o.code).toBe(2);
    expect(o.stdout).toBe('before\n');
    expect(o.stderr.startsWith('panic: something went wrong\n\ngoroutine 1 [running]:\nmain.main()\n')).toBe(true);
  });

  it('a workload that throws is a Go panic, not a gmpsim crash', async () => {
    const o = await gmpsim(['run', fx('throws.ts')]);
    expect(o.code).toBe(2);
    expect(o.stderr).toMatch(/^panic: .*\n\ngoroutine 1 \[running\]:/);
    expect(o.stderr).not.toMatch(/gmpsim:/);
    expect(o.stderr).not.toMatch(/\n\s+at /);
  });

  it('os.Exit(3) exits with status 3', async () => {
    const o = await gmpsim(['run', fx('exit3.ts')]);
    expect(o).toEqual({ code: 3, stdout: 'exiting\n', stderr: '' });
  });

  it('a program that never ends is stopped at the --until budget: exit 124 with a message', async () => {
    const o = await gmpsim(['run', fx('forever.ts'), '--until', '50ms']);
    expect(o.code).toBe(124);
    expect(o.stderr).toBe('gmpsim: stopped at simulated time 50ms: the --until budget ran out while the program was still running\n');
    const m = await gmpsim(['run', fx('forever.ts'), '--max-events', '1000']);
    expect(m.code).toBe(124);
    // The budget counts event-log events; the run stops at the end of the step that reached it.
    expect(m.stderr).toMatch(/^gmpsim: stopped after 10\d\d events at simulated time .*: the --max-events budget of 1000 ran out/);
  });

  it('GODEBUG=schedtrace=100 on a thread-growth workload prints go1.19 SCHED lines whose threads= grows past gomaxprocs', async () => {
    // 100 goroutines in blocking reads of 350ms: sysmon retakes each P and a new M is made for the
    // next goroutine (spec §7.2, §8.1), so threads= ends far above gomaxprocs=2.
    const o = await gmpsim(['run', fx('urandom.ts'), '--param', 'latency=350ms'], { GODEBUG: 'schedtrace=100' });
    expect(o.code).toBe(0);
    expect(o.stdout).toBe('read 100 times\n');
    const lines = o.stderr.split('\n').filter((l) => l !== '');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    const parsed = lines.map((l) => {
      const m = schedRe.exec(l);
      expect(m, `not a go1.19 SCHED line: ${l}`).not.toBeNull();
      return { ms: Number(m![1]), gomaxprocs: Number(m![2]), threads: Number(m![4]), queues: m![8]!.split(' ') };
    });
    expect(parsed[0]!.ms).toBe(0); // t is measured from the first schedtrace call (spec §17)
    for (const p of parsed) {
      expect(p.gomaxprocs).toBe(2);
      expect(p.queues).toHaveLength(2);
    }
    // Cadence (spec §20.13): one line per period plus the drift of one sysmon delay (≤ 10 ms) per interval.
    for (let i = 1; i < parsed.length; i++) {
      const gap = parsed[i]!.ms - parsed[i - 1]!.ms;
      expect(gap).toBeGreaterThanOrEqual(100);
      expect(gap).toBeLessThanOrEqual(111);
    }
    expect(parsed[parsed.length - 1]!.threads).toBeGreaterThan(50);
    expect(parsed[parsed.length - 1]!.threads).toBeGreaterThan(parsed[0]!.threads);
  });

  it('acceptance: GODEBUG=schedtrace=100 gmpsim run examples/urandom.ts, with reads long enough to span several SCHED periods', async () => {
    const o = await gmpsim(['run', 'examples/urandom.ts', '--param', 'readLatencyUs=300000'], { GODEBUG: 'schedtrace=100' });
    expect(o.code).toBe(0);
    const lines = o.stderr.split('\n').filter((l) => l !== '');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const l of lines) expect(l).toMatch(schedRe);
    const last = schedRe.exec(lines[lines.length - 1]!)!;
    expect(Number(last[4])).toBeGreaterThan(Number(last[2]) * 10);
  });

  it('a Go program sees GODEBUG and GOMAXPROCS in its environment, as under go run; a library key (httpmuxgo121) is no warning', async () => {
    // before: main() took them out of process.env for esbuild, and the program's os.Getenv saw ""
    const o = await gmpsim(['run', fx('getenv.go')], { GODEBUG: 'httpmuxgo121=1', GOMAXPROCS: '3' });
    expect(o.stdout).toBe('GODEBUG="httpmuxgo121=1" GOMAXPROCS="3"\n');
    expect(o.stderr).not.toMatch(/warning/);
  });

  it('GODEBUG=scheddetail=1 prints the long form; an unmodelled key is a warning only', async () => {
    // gctrace is modelled since issue #18 (runtime/mgc.ts); madvdontneed is not.
    const o = await gmpsim(['run', fx('hello.ts')], { GODEBUG: 'schedtrace=1,scheddetail=1,madvdontneed=1' });
    expect(o.code).toBe(0);
    expect(o.stdout).toBe('sum of squares: 14\n');
    expect(o.stderr.split('\n')[0]).toMatch(/^gmpsim: warning: GODEBUG=madvdontneed=.*does not model/);
    // GOMAXPROCS defaults to NumCPU, the default 2-core machine (os.ts defaultNcpu).
    expect(o.stderr).toMatch(/^SCHED 0ms: gomaxprocs=2 .* gcwaiting=0 nmidlelocked=0 stopwait=0 sysmonwait=0$/m);
    expect(o.stderr).toMatch(/^ {2}P0: status=\d+ schedtick=/m);
    expect(o.stderr).toMatch(/^ {2}M0: p=/m);
    expect(o.stderr).toMatch(/^ {2}G1: status=/m);
  });

  it('--ncpu sets NumCPU and the default GOMAXPROCS; -j 1 sweeps in process', async () => {
    const a = await gmpsim(['run', fx('hello.ts'), '--ncpu', '3'], { GODEBUG: 'schedtrace=1000' });
    expect(a.stderr).toMatch(/^SCHED 0ms: gomaxprocs=3 /);
    const seq = await gmpsim(['sweep', fx('cpu.ts'), '--gomaxprocs', '1,2', '-j', '1']);
    const par = await gmpsim(['sweep', fx('cpu.ts'), '--gomaxprocs', '1,2']);
    expect(seq.code).toBe(0);
    expect(seq.stdout).toBe(par.stdout);
  });

  it('GOMAXPROCS from the environment and --gomaxprocs (the flag wins)', async () => {
    const a = await gmpsim(['run', fx('hello.ts')], { GOMAXPROCS: '3', GODEBUG: 'schedtrace=1000' });
    expect(a.stderr).toMatch(/^SCHED 0ms: gomaxprocs=3 /);
    const b = await gmpsim(['run', fx('hello.ts'), '--gomaxprocs', '5'], { GOMAXPROCS: '3', GODEBUG: 'schedtrace=1000' });
    expect(b.stderr).toMatch(/^SCHED 0ms: gomaxprocs=5 /);
  });

  it('--json prints one JSON object with the documented keys', async () => {
    const o = await gmpsim(['run', fx('urandom.ts'), '--json']);
    expect(o.code).toBe(0);
    expect(o.stderr).toBe('');
    const j = JSON.parse(o.stdout);
    expect(Object.keys(j)).toEqual(['schema', 'file', 'settings', 'exit', 'stdout', 'stderr', 'wallTimeMs', 'summary']);
    expect(j.schema).toBe('gmpsim-run/1');
    expect(j.settings.gomaxprocs).toBe(2); // from the workload's config
    expect(j.settings.params).toEqual({ n: 100, latency: 20e6 });
    expect(j.exit).toEqual({ code: 0, reason: 'exit', message: '' });
    expect(j.stdout).toBe('read 100 times\n');
    const s = j.summary;
    expect(s.schema).toBe('gmpsim-summary/1');
    expect(s.gomaxprocs).toEqual({ initial: 2, final: 2, peak: 2 });
    expect(s.goroutines.created).toBe(101); // main + 100 readers
    expect(s.threads.peak).toBeGreaterThan(50);
    expect(s.threads.peakOverGomaxprocs).toBe(s.threads.peak - 2);
    expect(s.syscalls.byMode.syscall).toBeGreaterThanOrEqual(100);
    expect(s.syscalls.handedOff + s.syscalls.keptP + s.syscalls.unfinished).toBe(s.syscalls.total);
    expect(s.syscalls.fastExits + s.syscalls.slowExits).toBe(s.syscalls.handedOff + s.syscalls.keptP);
    expect(s.syscalls.handedOff).toBeGreaterThan(90);
    expect(s.retakes.total).toBeGreaterThan(90);
    const pt = s.pTime.total;
    expect(pt.idleNs + pt.runningNs + pt.syscallNs + pt.otherNs).toBeCloseTo(2 * s.simTimeNs, -3);
    expect(s.pTime.perP).toHaveLength(2);
  });

  it('--cost overrides a cost parameter (ns or a duration) and changes the simulated time', async () => {
    const base = JSON.parse((await gmpsim(['run', fx('urandom.ts'), '--json'])).stdout);
    const slow = JSON.parse((await gmpsim(['run', fx('urandom.ts'), '--json', '--cost', 'threadCreate=1ms', '--cost', 'futexWake=20000'])).stdout);
    expect(slow.settings.cost.threadCreate).toBe(1e6);
    expect(slow.settings.cost.futexWake).toBe(20000);
    expect(base.settings.cost.threadCreate).toBe(defaultCosts.threadCreate);
    expect(slow.summary.simTimeNs).toBeGreaterThan(base.summary.simTimeNs);
  });

  it('--summary prints the human summary on stderr after the program output', async () => {
    const o = await gmpsim(['run', fx('urandom.ts'), '--summary']);
    expect(o.code).toBe(0);
    expect(o.stdout).toBe('read 100 times\n');
    expect(o.stderr).toMatch(/gmpsim summary: test\/cli\/fixtures\/urandom\.ts/);
    expect(o.stderr).toMatch(/simulated time +\d+(\.\d+)?ms +wall \d+ms/);
    expect(o.stderr).toMatch(/threads +peak \d+ at .*, final \d+ \(\d+ more than GOMAXPROCS/);
    expect(o.stderr).toMatch(/syscalls +\d+: \d+ handed off their P, \d+ kept it/);
    expect(o.stderr).toMatch(/P time +running [\d.]+%, idle [\d.]+%, in syscall [\d.]+%/);
  });

  it('--plot out.svg writes a well-formed SVG with every series; .html wraps it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gmpsim-'));
    const svgFile = path.join(dir, 'run.svg');
    const o = await gmpsim(['run', fx('urandom.ts'), '--plot', svgFile]);
    expect(o.code).toBe(0);
    expect(o.stdout).toBe('read 100 times\n');
    const svg = fs.readFileSync(svgFile, 'utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expectBalancedXml(svg);
    for (const s of ['threads', 'GOMAXPROCS', 'idle threads (stopm)', 'running', 'runnable', 'in syscall', 'waiting', 'IO wait (netpoll)', 'global runq', 'P0 local runq', 'P1 local runq']) {
      expect(svg).toContain(`data-series="${s}"`);
    }
    const htmlFile = path.join(dir, 'run.html');
    expect((await gmpsim(['run', fx('urandom.ts'), '--plot', htmlFile])).code).toBe(0);
    const html = fs.readFileSync(htmlFile, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<svg xmlns=');
  });

  it('--perfetto out.json writes the run as trace-event JSON (also with --json, whose stdout stays one object)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gmpsim-'));
    const file = path.join(dir, 'run.json');
    const o = await gmpsim(['run', fx('urandom.ts'), '--perfetto', file]);
    expect(o.code).toBe(0);
    expect(o.stdout).toBe('read 100 times\n');
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { traceEvents: { ph: string; name: string; args?: { name?: string } }[] };
    const threads = doc.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => e.args!.name!);
    // urandom.ts: 100 reads of /dev/urandom, each long enough to be retaken: 102 threads at the peak.
    expect(threads.filter((n) => /^M\d+/.test(n)).length).toBeGreaterThanOrEqual(102);
    expect(doc.traceEvents.filter((e) => e.ph === 's' && e.name === 'handoffp').length).toBeGreaterThanOrEqual(100);
    const j = await gmpsim(['run', fx('urandom.ts'), '--json', '--perfetto', file]);
    expect(j.code).toBe(0);
    expect(JSON.parse(j.stdout).exit.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).traceEvents.length).toBe(doc.traceEvents.length);
  });

  it('--trace out.trace writes a go1.26 execution trace (header, generations ending in EvEndOfGeneration), the same bytes with --json', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gmpsim-'));
    const file = path.join(dir, 'run.trace');
    const o = await gmpsim(['run', fx('urandom.ts'), '--trace', file]);
    expect(o.code).toBe(0);
    expect(o.stdout).toBe('read 100 times\n');
    const b = fs.readFileSync(file);
    // runtime/trace.go ReadTrace's header, then batches; the last byte closes the last generation (tracev2 EvEndOfGeneration = 52).
    expect(b.subarray(0, 16).toString('latin1')).toBe('go 1.26 trace\x00\x00\x00');
    expect(b[b.length - 1]).toBe(52);
    const j = await gmpsim(['run', fx('urandom.ts'), '--json', '--trace', file]);
    expect(j.code).toBe(0);
    expect(JSON.parse(j.stdout).exit.code).toBe(0);
    expect(fs.readFileSync(file).equals(b)).toBe(true);
  });

  it('the same command twice gives byte-identical stdout and stderr', async () => {
    const args = ['run', fx('urandom.ts'), '--param', 'n=40'];
    const env = { GODEBUG: 'schedtrace=2,scheddetail=1' };
    const a = await gmpsim(args, env);
    const b = await gmpsim(args, env);
    expect(a.code).toBe(0);
    expect(a.stderr.length).toBeGreaterThan(1000);
    expect(b).toEqual(a);
    const c = await gmpsim(['run', fx('deadlock.ts')]);
    expect(await gmpsim(['run', fx('deadlock.ts')])).toEqual(c);
  });
});

describe.concurrent('gmpsim sweep', () => {
  it('runs the grid and prints a table in grid order; --json and --plot', async () => {
    const o = await gmpsim(['sweep', fx('cpu.ts'), '--gomaxprocs', '1,2,4', '--param', 'workers=2,4', '--ncpu', '4']);
    expect(o.code).toBe(0);
    const lines = o.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatch(/^GOMAXPROCS +workers +exit +sim time +threads/);
    const rows = lines.slice(1).map((l) => l.trim().split(/ {2,}/));
    expect(rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      ['1', '2', '0'],
      ['2', '2', '0'],
      ['4', '2', '0'],
      ['1', '4', '0'],
      ['2', '4', '0'],
      ['4', '4', '0'],
    ]);
    // More Ps finish the same CPU work sooner: 4 workers × 30ms take ≈120ms on 1 P, ≈30ms on 4 (on 4 cores).
    const ms = (s: string): number => (s.endsWith('ms') ? Number(s.slice(0, -2)) : NaN);
    expect(ms(rows[3]![3]!)).toBeGreaterThan(115);
    expect(ms(rows[5]![3]!)).toBeLessThan(40);
    // deterministic
    expect((await gmpsim(['sweep', fx('cpu.ts'), '--gomaxprocs', '1,2,4', '--param', 'workers=2,4', '--ncpu', '4'])).stdout).toBe(o.stdout);
    // On the default 2-core machine 4 Ps cannot beat 2 cores: ≈60 ms (os.ts), as real go1.19 on 2 cores
    // (conformance cpu_oversubscribed p4_n4: four 100 ms loops end at 201–211 ms).
    const two = (await gmpsim(['sweep', fx('cpu.ts'), '--gomaxprocs', '4', '--param', 'workers=4'])).stdout.trimEnd().split('\n');
    expect(ms(two[1]!.trim().split(/ {2,}/)[3]!)).toBeGreaterThan(59);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gmpsim-'));
    const plot = path.join(dir, 'sweep.svg');
    const j = await gmpsim(['sweep', fx('urandom.ts'), '--gomaxprocs', '1,2', '--seed', '1,2', '--param', 'n=10', '--json', '--plot', plot]);
    expect(j.code).toBe(0);
    const obj = JSON.parse(j.stdout);
    expect(obj.schema).toBe('gmpsim-sweep/1');
    expect(obj.grid).toEqual({ gomaxprocs: [1, 2], seeds: [1, 2], params: { n: [10] } });
    expect(obj.cells.map((c: { gomaxprocs: number; seed: number }) => [c.gomaxprocs, c.seed])).toEqual([
      [1, 1],
      [2, 1],
      [1, 2],
      [2, 2],
    ]);
    for (const c of obj.cells) {
      expect(c.exit.code).toBe(0);
      expect(c.summary.goroutines.created).toBe(11);
    }
    const svg = fs.readFileSync(plot, 'utf8');
    expectBalancedXml(svg);
    expect(svg).toContain('data-series="n=10 seed=1"');
  });
});

describe.concurrent('bad input: one clear line, non-zero exit, no stack trace', () => {
  it('missing file', async () => expectOneLineError(await gmpsim(['run', 'test/cli/fixtures/nope.ts']), 1, /nope\.ts: no such file or directory/));
  it('TypeScript syntax error names file:line:col', async () => expectOneLineError(await gmpsim(['run', fx('syntax.ts')]), 1, /test\/cli\/fixtures\/syntax\.ts:4:13: /));
  it('no exported main', async () => expectOneLineError(await gmpsim(['run', fx('nomain.ts')]), 1, /no exported main/));
  it('unknown flag', async () => expectOneLineError(await gmpsim(['run', fx('hello.ts'), '--bogus']), 2, /unknown option '--bogus'/));
  it("a program's own flag given as go run takes it: says to put it after --", async () =>
    expectOneLineError(await gmpsim(['run', fx('hello.ts'), '-n', '5']), 2, /unknown option '-n': not a gmpsim flag .*put the program's arguments after --, as in: gmpsim run prog\.go -- -n/));
  it('unknown command', async () => expectOneLineError(await gmpsim(['frobnicate']), 2, /unknown command 'frobnicate'/));
  it('GOMAXPROCS=0', async () => expectOneLineError(await gmpsim(['run', fx('hello.ts')], { GOMAXPROCS: '0' }), 2, /GOMAXPROCS="0": must be a positive integer/));
  it('GOMAXPROCS=junk', async () => expectOneLineError(await gmpsim(['run', fx('hello.ts')], { GOMAXPROCS: 'junk' }), 2, /GOMAXPROCS="junk"/));
  it('--gomaxprocs 0', async () => expectOneLineError(await gmpsim(['run', fx('hello.ts'), '--gomaxprocs', '0']), 2, /--gomaxprocs: "0" is not a positive integer/));
  it('malformed GODEBUG', async () => {
    expectOneLineError(await gmpsim(['run', fx('hello.ts')], { GODEBUG: 'schedtrace=fast' }), 2, /malformed GODEBUG="schedtrace=fast"/);
    expectOneLineError(await gmpsim(['run', fx('hello.ts')], { GODEBUG: 'schedtrace' }), 2, /malformed GODEBUG/);
  });
  it('bad --cost key and value', async () => {
    expectOneLineError(await gmpsim(['run', fx('hello.ts'), '--cost', 'warpDrive=1']), 2, /--cost warpDrive: unknown cost parameter/);
    expectOneLineError(await gmpsim(['run', fx('hello.ts'), '--cost', 'threadCreate=lots']), 2, /--cost threadCreate=lots/);
  });
  it('bad --until, --param, --plot', async () => {
    expectOneLineError(await gmpsim(['run', fx('hello.ts'), '--until', '5']), 2, /--until: invalid duration "5"/);
    expectOneLineError(await gmpsim(['run', fx('urandom.ts'), '--param', 'm=3']), 2, /--param m: unknown parameter/);
    expectOneLineError(await gmpsim(['run', fx('hello.ts'), '--plot', 'out.png']), 2, /--plot out\.png/);
    expectOneLineError(await gmpsim(['run', fx('hello.ts'), '--perfetto', 'out.trace']), 2, /--perfetto out\.trace: the file name must end in \.json/);
    expectOneLineError(await gmpsim(['run', fx('hello.ts'), '--perfetto', '/nonexistent/x.json']), 2, /--perfetto \/nonexistent\/x\.json: the directory \/nonexistent does not exist/);
    expectOneLineError(await gmpsim(['run', fx('hello.ts'), '--trace', 'out.json']), 2, /--trace out\.json: the file name must end in \.trace or \.out/);
    expectOneLineError(await gmpsim(['run', fx('hello.ts'), '--trace', '/nonexistent/x.trace']), 2, /--trace \/nonexistent\/x\.trace: the directory \/nonexistent does not exist/);
  });
  it('a bad exported config', async () => expectOneLineError(await gmpsim(['run', fx('badconfig.ts')]), 1, /badconfig\.ts: config\.gomaxprocs: must be an integer from 1 to 100000/));
  it('sweep with a bad GOMAXPROCS list', async () => expectOneLineError(await gmpsim(['sweep', fx('cpu.ts'), '--gomaxprocs', '1,,2']), 2, /--gomaxprocs/));
});

describe.concurrent('help and version', () => {
  it('--version prints the package version', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(await gmpsim(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });
  it('run --help documents flags, environment and every cost parameter', async () => {
    const o = await gmpsim(['run', '--help']);
    expect(o.code).toBe(0);
    for (const s of ['--gomaxprocs', '--seed', '--until', '--max-events', '--cost', '--summary', '--json', '--plot', '--perfetto', '--trace', 'GODEBUG', 'GOMAXPROCS', 'threadCreate', 'syscallOverhead', 'Exit status']) {
      expect(o.stdout).toContain(s);
    }
    expect((await gmpsim(['--help'])).stdout).toContain('sweep');
  });
});

/** Tags open and close in order (a well-formedness check good enough for generated SVG). */
function expectBalancedXml(xml: string): void {
  const stack: string[] = [];
  const re = /<(\/?)([a-zA-Z][\w:-]*)([^>]*?)(\/?)>/g;
  let m: RegExpExecArray | null;
  const body = xml.replace(/<style>[\s\S]*?<\/style>/g, '');
  while ((m = re.exec(body)) !== null) {
    const [, close, name, , self] = m;
    if (self) continue;
    if (close) expect(stack.pop(), `unbalanced </${name}>`).toBe(name);
    else stack.push(name!);
  }
  expect(stack).toEqual([]);
  expect(body).not.toMatch(/NaN|undefined|Infinity/);
}
