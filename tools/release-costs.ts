/**
 * `npm run release-costs`: after `conformance/release-costs.mjs` recorded new ratios, print the
 * releaseCosts (src/runtime/cost.ts) and releaseGoCpuCosts (src/golang/cost.ts) entries they map to and,
 * with --write, put them into those files (between the `release-costs:NAME` markers).
 * test/engine/release-costs.test.ts fails until the tables match the recording.
 */
import fs from 'node:fs';
import { releaseCostsFromRatios, type Measurements } from '../src/runtime/calibration.js';
import { defaultGoCpuCosts, goCpuCostsFromMeasurements, type LoopMeasurements } from '../src/golang/cost.js';

const root = new URL('../../', import.meta.url);
const read = (p: string): unknown => JSON.parse(fs.readFileSync(new URL(p, root), 'utf8'));
const medians = (o: Record<string, { median: number }>): Record<string, number> => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v.median]));

const rc = read('conformance/reference/release-costs.json') as { releases: Record<string, { ratios: Record<string, { median: number }> }> };
const base = medians((read('conformance/reference/go1.19/costs.json') as { costs: Record<string, { median: number }> }).costs);
const loops = medians((read('conformance/reference/go1.19/cpu_costs.json') as { variants: { measures: Record<string, { median: number }> }[] }).variants[0]!.measures);

const write = process.argv.includes('--write');
const put = (file: string, marker: string, body: string): void => {
  const url = new URL(file, root);
  const s = fs.readFileSync(url, 'utf8');
  const re = new RegExp(`(// release-costs:${marker} begin\\n)[\\s\\S]*?([ \\t]*// release-costs:${marker} end)`);
  if (!re.test(s)) throw new Error(`${file}: no release-costs:${marker} markers`);
  fs.writeFileSync(url, s.replace(re, (_m, a: string, b: string) => `${a}${body ? `${body}\n` : ''}${b}`));
};
for (const [rel, r] of Object.entries(rc.releases)) {
  const ratios = Object.fromEntries(Object.entries(r.ratios).map(([k, v]) => [k, v.median]));
  const rt = releaseCostsFromRatios(base as Measurements & Record<string, number>, ratios);
  const fit = goCpuCostsFromMeasurements(
    Object.fromEntries(Object.entries(loops).map(([k, v]) => [k, v * (ratios[k] ?? 1)])) as LoopMeasurements,
    base['mutex_uncontended_ns']! * (ratios['mutex_uncontended_ns'] ?? 1),
  );
  const cpu = Object.entries(fit).filter(([k, v]) => v !== defaultGoCpuCosts[k as keyof typeof fit]);
  const rtBody = Object.entries(rt).map(([k, v]) => `    ${k}: ${v},`).join('\n');
  const cpuBody = cpu.map(([k, v]) => `    ${k}: ${v},`).join('\n');
  console.log(`go${rel} runtime:\n${rtBody}\ngo${rel} compiled code:\n${cpuBody}`);
  if (write) {
    put('src/runtime/cost.ts', rel, rtBody);
    put('src/golang/cost.ts', rel, cpuBody);
  }
}
if (write) console.log('written: src/runtime/cost.ts, src/golang/cost.ts');
