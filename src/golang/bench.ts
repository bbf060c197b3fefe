/**
 * Interpreted-Go throughput: a Go loop summing integers, compiled with compileGo and run on the
 * simulated runtime. Figure: simple Go operations per second of wall time (the loop body `sum += i`
 * plus the loop's condition and increment = 3 simple operations per iteration), median of `runs`.
 * Target (issue 4): ≥ 20M simple operations per second of wall time.
 *
 * No Node API: uses `performance.now()` (available in Node and browsers).
 */
import { compileGo } from './index.js';
import { run } from '../runtime/runtime.js';

export const benchSource = `package main

import "fmt"

func main() {
	sum := 0
	for i := 0; i < N; i++ {
		sum += i
	}
	fmt.Println(sum)
}
`;

export interface GoBenchResult {
  /** Median simple operations per second of wall time. */
  opsPerSec: number;
  /** Median wall time of one run (ms). */
  wallMs: number;
  iterations: number;
  /** Simulated CPU time of the loop (ns) — with the default cost model ≈ 3 ns per iteration. */
  simNs: number;
  runs: number[];
}

export function benchGo(opts: { iterations?: number; runs?: number } = {}): GoBenchResult {
  const n = opts.iterations ?? 20_000_000;
  const runs = opts.runs ?? 5;
  const r = compileGo([{ name: 'main.go', text: benchSource.replace('N', String(n)) }]);
  if (!r.ok) throw new Error('bench program does not compile: ' + r.errors.map((e) => e.msg).join('; '));
  const expect = String((n * (n - 1)) / 2) + '\n';
  const times: number[] = [];
  let simNs = 0;
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    const res = run({ main: r.main, linksOS: r.linksOS, gomaxprocs: 1, storeLog: false });
    const t1 = performance.now();
    if (res.stdout !== expect) throw new Error(`bench program printed ${JSON.stringify(res.stdout)}, want ${JSON.stringify(expect)}`);
    times.push(t1 - t0);
    simNs = res.simTime;
  }
  const sorted = [...times].sort((a, b) => a - b);
  const med = sorted[Math.floor(sorted.length / 2)]!;
  return { opsPerSec: (3 * n) / (med / 1000), wallMs: med, iterations: n, simNs, runs: times };
}
