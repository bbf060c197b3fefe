import { benchGo } from '../../src/golang/bench.js';
const r = benchGo({ iterations: Number(process.argv[2] ?? 20_000_000), runs: 5 });
console.log(`interpreted Go: ${(r.opsPerSec / 1e6).toFixed(1)}M simple ops/s (median ${r.wallMs.toFixed(0)} ms for ${r.iterations} iterations; sim ${r.simNs} ns) runs=${r.runs.map((x) => x.toFixed(0)).join(',')}`);
