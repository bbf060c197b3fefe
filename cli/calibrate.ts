/**
 * `gmpsim calibrate`: measure the cost model's machine-dependent parameters with real Go on this
 * machine. Builds conformance/programs/calibrate.go and newm_clone.go with the Go toolchain it
 * finds, runs each a few times at GOMAXPROCS=2, takes the median of each measurement and maps them
 * to parameters with the same formulas the shipped defaults come from (src/runtime/calibration.ts).
 * Prints them as `--cost` flags and as a workload `config.cost` object.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultCosts, isFractionCost, type CostModel } from '../src/runtime/cost.js';
import { costsFromMeasurements, type Measurements } from '../src/runtime/calibration.js';
import { UsageError } from './options.js';

const programs = ['calibrate', 'newm_clone'].map((name) => ({
  name,
  path: fileURLToPath(new URL(`../../conformance/programs/${name}.go`, import.meta.url)),
}));

/**
 * The Go toolchain to use: the one given, or the first that works. "Works" means `<go> version`
 * prints Go's version line (`go version go1.19.8 linux/amd64`): a binary that merely exits 0
 * (/bin/true) is not a toolchain.
 */
function findGo(explicit: string | undefined): { go: string; version: string } {
  const candidates = explicit ? [explicit] : ['go', '/usr/lib/go-1.19/bin/go', '/usr/local/go/bin/go'];
  for (const c of candidates) {
    const r = spawnSync(c, ['version'], { encoding: 'utf8' });
    const version = (r.stdout ?? '').trim();
    if (r.status === 0 && /^go version go\d/.test(version)) return { go: c, version };
    if (explicit) {
      const why = r.error ? (r.error as NodeJS.ErrnoException).code ?? r.error.message : r.status !== 0 ? `it exited with status ${r.status}` : `it printed ${JSON.stringify(version.split('\n')[0] ?? '')} instead of "go version go1.…"`;
      throw new UsageError(`calibrate: ${explicit} is not a working Go toolchain (\`${explicit} version\` failed: ${why})`);
    }
  }
  throw new UsageError('calibrate: no Go toolchain found (tried go, /usr/lib/go-1.19/bin/go): install one (Debian: apt-get install golang-1.19-go) or pass --go <path>');
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
  const runs = flags.runs === undefined ? 5 : Number(flags.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 50) throw new UsageError(`calibrate: --runs ${flags.runs}: must be a whole number from 1 to 50`);
  const { go, version } = findGo(flags.go);
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
  // The same formulas run by run: how far the parameters moved between runs. Several are
  // differences of two measurements (goroutineCreate = create+exit − switch − mutex), so a busy
  // machine moves them a lot; the spread says how far to trust the medians.
  const perRun: Partial<CostModel>[] = [];
  for (let i = 0; i < runs; i++) {
    const m: Record<string, number> = {};
    for (const [k, v] of Object.entries(samples)) if (v[i] !== undefined) m[k] = v[i]!;
    perRun.push(costsFromMeasurements(m as Measurements));
  }
  const spread: Record<string, { min: number; max: number }> = {};
  for (const k of Object.keys(costs) as (keyof CostModel)[]) {
    const xs = perRun.map((c) => c[k]).filter((x): x is number => x !== undefined);
    spread[k] = { min: Math.min(...xs), max: Math.max(...xs) };
  }
  const unstable = (Object.keys(costs) as (keyof CostModel)[]).filter((k) => {
    const v = costs[k]!;
    const sp = spread[k]!;
    return runs > 1 && sp.max - sp.min > Math.max(0.5 * v, isFractionCost(k) ? 0.05 : 5);
  });
  if (flags.json) {
    process.stdout.write(JSON.stringify({ schema: 'gmpsim-calibration/1', go: version, runs, measurements: measured, cost: costs, spread, unstable }, null, 2) + '\n');
    return 0;
  }
  process.stdout.write(calibrationText(version, runs, costs, spread, unstable));
  return 0;
}

/** The human form of a calibration: one line per parameter (fractions without a unit), then the flags. */
export function calibrationText(
  version: string,
  runs: number,
  costs: Partial<CostModel>,
  spread: Record<string, { min: number; max: number }>,
  unstable: string[],
): string {
  const lines: string[] = [`Cost parameters measured on this machine (${version}, median of ${runs} runs):`, ''];
  for (const [k, v] of Object.entries(costs) as [keyof CostModel, number][]) {
    const unit = isFractionCost(k) ? '   ' : ' ns';
    const sp = spread[k]!;
    const range = runs > 1 ? `  runs ${sp.min}–${sp.max}${unstable.includes(k) ? ' (unstable)' : ''}` : '';
    lines.push(`  ${k.padEnd(16)} ${String(v).padStart(8)}${unit}   (default ${defaultCosts[k]})${range}`);
  }
  if (unstable.length > 0) {
    lines.push('', `Unstable between runs: ${unstable.join(', ')} (a busy machine, or the timer's resolution): rerun on a quiet machine with more runs (--runs 9).`);
  }
  lines.push('', 'Use them with:', '  gmpsim run <workload> ' + Object.entries(costs).map(([k, v]) => `--cost ${k}=${v}`).join(' '));
  lines.push('or in the workload:', `  export const config = { cost: ${JSON.stringify(costs)} };`, '');
  return lines.join('\n');
}
