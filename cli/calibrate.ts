/**
 * `gmpsim calibrate`: measure the cost model's machine-dependent parameters with real Go on this
 * machine. Builds conformance/programs/calibrate.go and newm_clone.go with the Go toolchain it
 * finds, runs each a few times at GOMAXPROCS=2, takes the median of each measurement and maps them
 * to parameters with the same formulas the shipped defaults come from (src/runtime/calibration.ts).
 * Prints them as `--cost` flags and as a workload `config.cost` object.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultCosts, type CostModel } from '../src/runtime/cost.js';
import { costsFromMeasurements, type Measurements } from '../src/runtime/calibration.js';
import { UsageError } from './options.js';

const programs = ['calibrate', 'newm_clone'].map((name) => ({
  name,
  path: fileURLToPath(new URL(`../../conformance/programs/${name}.go`, import.meta.url)),
}));

function findGo(explicit: string | undefined): string {
  const candidates = explicit ? [explicit] : ['go', '/usr/lib/go-1.19/bin/go', '/usr/local/go/bin/go'];
  for (const c of candidates) {
    const r = spawnSync(c, ['version'], { encoding: 'utf8' });
    if (r.status === 0) return c;
  }
  throw new UsageError(
    explicit
      ? `calibrate: ${explicit} is not a working Go toolchain (\`${explicit} version\` failed)`
      : 'calibrate: no Go toolchain found (tried go, /usr/lib/go-1.19/bin/go): install one (Debian: apt-get install golang-1.19-go) or pass --go <path>',
  );
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export interface CalibrateFlags {
  go?: string;
  runs?: string;
  json?: boolean;
}

export function calibrateCommand(flags: CalibrateFlags): number {
  const runs = flags.runs === undefined ? 3 : Number(flags.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 50) throw new UsageError(`calibrate: --runs ${flags.runs}: must be a whole number from 1 to 50`);
  const go = findGo(flags.go);
  const version = execFileSync(go, ['version'], { encoding: 'utf8' }).trim();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gmpsim-calibrate-'));
  const env = { ...process.env, GO111MODULE: 'off', CGO_ENABLED: '0', GOCACHE: path.join(dir, 'cache'), GOPATH: path.join(dir, 'gopath') };
  const samples: Record<string, number[]> = {};
  for (const prog of programs) {
    const bin = path.join(dir, prog.name);
    process.stderr.write(`gmpsim: building ${prog.name}.go with ${version}\n`);
    const build = spawnSync(go, ['build', '-o', bin, prog.path], { env, encoding: 'utf8' });
    if (build.status !== 0) throw new UsageError(`calibrate: go build of ${prog.name}.go failed: ${(build.stderr || '').trim().split('\n')[0]}`);
    for (let i = 0; i < runs; i++) {
      process.stderr.write(`gmpsim: ${prog.name} run ${i + 1}/${runs}…\n`);
      const r = spawnSync(bin, [], { env: { ...env, GOMAXPROCS: '2' }, encoding: 'utf8', timeout: 120_000 });
      if (r.status !== 0) throw new UsageError(`calibrate: ${prog.name}.go failed (exit ${r.status})`);
      for (const line of r.stdout.split('\n')) {
        const m = /^MEASURE ([\w]+)=([-\d.e+]+)/.exec(line);
        if (m) (samples[m[1]!] ??= []).push(Number(m[2]));
      }
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const measured: Record<string, number> = {};
  for (const [k, v] of Object.entries(samples)) measured[k] = median(v);
  const costs = costsFromMeasurements(measured as Measurements);
  if (flags.json) {
    process.stdout.write(JSON.stringify({ schema: 'gmpsim-calibration/1', go: version, runs, measurements: measured, cost: costs }, null, 2) + '\n');
    return 0;
  }
  const lines: string[] = [`Cost parameters measured on this machine (${version}, median of ${runs} runs):`, ''];
  for (const [k, v] of Object.entries(costs) as [keyof CostModel, number][]) {
    lines.push(`  ${k.padEnd(16)} ${String(v).padStart(8)} ns   (default ${defaultCosts[k]})`);
  }
  lines.push('', 'Use them with:', '  gmpsim run <workload> ' + Object.entries(costs).map(([k, v]) => `--cost ${k}=${v}`).join(' '));
  lines.push('or in the workload:', `  export const config = { cost: ${JSON.stringify(costs)} };`, '');
  process.stdout.write(lines.join('\n'));
  return 0;
}
