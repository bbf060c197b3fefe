/**
 * gmpsim as an npm package (issue 13 item 1): `npm pack` ships the built code and its types only,
 * and the tarball installed into an empty project runs a typed workload through the CLI
 * (`npx gmpsim run`) and through the API (`import … from 'gmpsim'`, type-checked with tsc).
 *
 * The scratch project's dependencies come from the npm registry (or npm's cache).
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { root, ensureBuilt } from './harness.js';

ensureBuilt();

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let scratch = '';
let tarball = '';
let files: string[] = [];

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'gmpsim-pack-'));
  // The build is fresh (ensureBuilt); prepack would build again.
  const out = execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], { cwd: root, encoding: 'utf8' });
  const info = (JSON.parse(out) as { filename: string; files: { path: string }[] }[])[0]!;
  tarball = path.join(scratch, info.filename);
  files = info.files.map((f) => f.path);
}, 120_000);

afterAll(() => {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

describe('npm pack', () => {
  it('holds the built engine, CLI, Go frontend and their types, and nothing of the repository else', () => {
    for (const f of ['bin/gmpsim.js', 'dist/cli/main.js', 'dist/cli/sweep-worker.js', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/views/summary.d.ts', 'dist/src/golang/index.js', 'package.json', 'README.md', 'docs/api.md', 'conformance/programs/calibrate.go']) {
      expect(files).toContain(f);
    }
    const stray = files.filter((f) => /^(test|web|examples|gotests|bench|dist\/test|dist\/bench|dist\/conformance|conformance\/reference)\//.test(f) || f.endsWith('.map') || (f.endsWith('.ts') && !f.endsWith('.d.ts')));
    expect(stray).toEqual([]);
  });
});

describe('the packed tarball in an empty project', () => {
  it('installs; `npx gmpsim run` runs a typed workload; a typed import runs one through the API', () => {
    fs.writeFileSync(path.join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }, null, 2));
    const inst = spawnSync(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], { cwd: scratch, encoding: 'utf8' });
    expect(inst.status, inst.stderr).toBe(0);

    // A typed workload for the CLI.
    fs.writeFileSync(
      path.join(scratch, 'workload.ts'),
      [
        "import { go, chan, send, recv, fmt, time, ms, type Go, type Chan } from 'gmpsim';",
        'export const params = { n: 3 };',
        'function* worker(i: number, out: Chan<number>): Go {',
        '  yield* time.Sleep(ms(i));',
        '  yield* send(out, i * i);',
        '}',
        'export function* main(): Go {',
        '  const out = chan<number>(params.n);',
        '  for (let i = 1; i <= params.n; i++) yield* go(worker, i, out);',
        '  let sum = 0;',
        '  for (let i = 0; i < params.n; i++) sum += (yield* recv(out))[0];',
        "  yield* fmt.Println('sum of squares:', sum);",
        '}',
        '',
      ].join('\n'),
    );
    const cli = spawnSync(npm, ['exec', '--no', '--', 'gmpsim', 'run', 'workload.ts', '--param', 'n=4', '--summary'], { cwd: scratch, encoding: 'utf8' });
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toBe('sum of squares: 30\n');
    expect(cli.stderr).toMatch(/── gmpsim summary: workload\.ts ──/);

    // The API, type-checked against the package's own .d.ts files, then run.
    fs.writeFileSync(
      path.join(scratch, 'api.ts'),
      [
        "import { run, go, sync, syscall, us, type RunResult, type Go } from 'gmpsim';",
        "import { summarize, formatSummary, type Summary } from 'gmpsim/summary';",
        "import { renderPlot } from 'gmpsim/plot';",
        'function* reader(wg: sync.WaitGroup): Go {',
        '  yield* syscall.Read(3, us(500));',
        '  yield* wg.Done();',
        '}',
        'function* main(): Go {',
        '  const wg = new sync.WaitGroup();',
        '  for (let i = 0; i < 10; i++) {',
        '    yield* wg.Add(1);',
        '    yield* go(reader, wg);',
        '  }',
        '  yield* wg.Wait();',
        '}',
        'const r: RunResult = run({ main, gomaxprocs: 2, seed: 7 });',
        'const s: Summary = summarize(r.log, r.simTime);',
        'const { svg } = renderPlot(r.log, { title: "api" });',
        'console.log(JSON.stringify({ exit: r.exitCode, events: r.events, summaryEvents: s.events, syscalls: s.syscalls.total, svg: svg.startsWith("<svg") }));',
        'console.error(formatSummary(s));',
        '',
      ].join('\n'),
    );
    fs.writeFileSync(
      path.join(scratch, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, outDir: 'out', skipLibCheck: false, types: [] }, files: ['api.ts'] }, null, 2),
    );
    const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: scratch, encoding: 'utf8' });
    expect(tsc.status, tsc.stdout + tsc.stderr).toBe(0);
    const api = spawnSync(process.execPath, ['out/api.js'], { cwd: scratch, encoding: 'utf8' });
    expect(api.status, api.stderr).toBe(0);
    const res = JSON.parse(api.stdout) as { exit: number; events: number; summaryEvents: number; syscalls: number; svg: boolean };
    expect(res.exit).toBe(0);
    expect(res.events).toBe(res.summaryEvents);
    expect(res.syscalls).toBeGreaterThanOrEqual(10);
    expect(res.svg).toBe(true);
  }, 180_000);
});
