/**
 * Loop-carried dependency chains (src/golang/compiler/chain.ts): an iteration of a loop whose variables
 * depend on their previous values costs the chain's latency when that is more than its counted
 * operations' throughput. Expected values are sums of the latencies measured by
 * conformance/programs/cpu_chain_costs.go on go1.19.8 (src/golang/cost.ts chainCosts119: an ALU op
 * 0.274 ns, an imul 0.812 ns, a float add or multiply 0.819 ns, a load through a pointer 1.09 ns or of an
 * indexed element 1.37 ns from L1), per the rules of chain.ts.
 */
import { describe, expect, it } from 'vitest';
import { compileGo } from '../../src/golang/index.js';
import { run } from '../../src/runtime/runtime.js';
import { chainCosts119, defaultGoCpuCosts } from '../../src/golang/cost.js';

const { chainAlu: alu, chainMul: mul, chainFloat: fl, chainLoad: load, chainIndexLoad: indexLoad } = chainCosts119;

/** ns per iteration of each `loop` (a Go function body over n and returning a uint64), as gmpsim runs it. */
function perIter(loops: Record<string, string>, extra = ''): Record<string, number> {
  const n = 200_000; // the fixed part (a make, its fresh pages, a ring's set-up) spread thin enough for 2-decimal checks
  const fns = Object.entries(loops).map(([k, body]) => `func ${k}(n int) uint64 {\n${body}\n}`).join('\n');
  const calls = Object.keys(loops).map((k) => `\tt = time.Now(); sink += ${k}(n); fmt.Printf("%s %.4f\\n", "${k}", float64(time.Since(t).Nanoseconds())/float64(n))`).join('\n');
  const src = `package main

import (
	"fmt"
	"time"
)

var sink uint64
${extra}
${fns}

func main() {
	const n = ${n}
	var t time.Time
${calls}
}
`;
  const r = compileGo([{ name: 'main.go', text: src }]);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.line}: ${e.msg}`).join('\n'));
  const res = run({ main: r.main, linksOS: r.linksOS, gomaxprocs: 1, seed: 1, storeLog: false });
  return Object.fromEntries([...res.stdout.matchAll(/^(\w+) ([\d.]+)$/gm)].map((m) => [m[1]!, Number(m[2])]));
}

describe('loop-carried dependency chains', () => {
  it('charge the sum of their operations’ latencies per iteration', () => {
    const got = perIter({
      // two imuls
      mul2: 'x := uint64(n)\nfor i := 0; i < n; i++ {\n\tx = x * 1099511628211 * 1099511628211\n}\nreturn x',
      // x*9 and x*5 are one LEA each, x*17 a shift and an add (Go's amd64 rules): four ALU latencies
      constmul: 'x := uint64(n)\nfor i := 0; i < n; i++ {\n\tx = x * 9 * 5 * 17\n}\nreturn x',
      // a float multiply and add: the conversion of i is off the chain
      float: 'f := 1.0\nfor i := 0; i < n; i++ {\n\tf = f*0.5 + float64(i)\n}\nreturn uint64(f)',
      // the chain goes through a body-declared temporary
      temp: 'h := uint64(n)\nfor i := 0; i < n; i++ {\n\tt := h * 1099511628211\n\th = t ^ (t >> 29)\n}\nreturn h',
      // an if: the longer branch's chain (x*3 is one LEA, then the add: 2 ALU; imul on the other: 1 imul)
      branch: 'x := uint64(n)\nfor i := 0; i < n; i++ {\n\tif i&1 == 0 {\n\t\tx = x*3 + 1\n\t} else {\n\t\tx *= 1099511628211\n\t}\n}\nreturn x',
      // two variables feeding each other: x → y is an imul, y → x an imul and an xor: (imul + imul + xor) / 2
      pair: 'x, y := uint64(n), uint64(1)\nfor i := 0; i < n; i++ {\n\tx, y = y*1099511628211^x, x*1099511628211\n}\nreturn x + y',
      // a table lookup on the chain: the and, the indexed load, the add
      table: 'x := uint64(n)\ns := make([]uint64, 64)\nfor i := 0; i < n; i++ {\n\tx = s[x&63] + uint64(i)\n}\nreturn x',
      // a linked list's walk: the post statement's load through the pointer is the chain (sum's add is off it)
      list: 'ring := make([]node, 64)\nfor i := range ring {\n\tring[i].next = &ring[(i+1)%64]\n}\nsum := uint64(0)\ni := 0\nfor p := &ring[0]; i < n; p = p.next {\n\tsum += p.val\n\ti++\n}\nreturn sum',
    }, 'type node struct {\n\tnext *node\n\tval  uint64\n}\n');
    expect(got['mul2']).toBeCloseTo(2 * mul, 2);
    expect(got['constmul']).toBeCloseTo(4 * alu, 2);
    expect(got['float']).toBeCloseTo(2 * fl, 2);
    expect(got['temp']).toBeCloseTo(mul + 2 * alu, 2);
    // at least the longer chain; the iterations taking the dearer branch add its counted operations beyond
    // the cheaper's (the head's charge is the chain beyond the cheapest path: chain.ts chainExtraNs)
    expect(got['branch']).toBeGreaterThanOrEqual(mul - 0.001);
    expect(got['branch']).toBeLessThan(mul * 1.1);
    // x's own chain: y*k^x — x → x is one xor (1 ALU); the x ↔ y cycle: x→y imul, y→x imul + xor
    expect(got['pair']).toBeCloseTo((mul + mul + alu) / 2, 2);
    expect(got['table']).toBeCloseTo(2 * alu + indexLoad, 2);
    expect(got['list']).toBeCloseTo(load, 2);
  });

  it('are not charged where the analysis does not follow the body (a call, a map lookup), nor below the throughput', () => {
    const got = perIter(
      {
        // a call of a Go function: the throughput model only (the call's cost dominates)
        call: 'x := uint64(n)\nfor i := 0; i < n; i++ {\n\tx = id(x) * 1099511628211\n}\nreturn x',
        // a map lookup is a call of the runtime (mapAccess): a new chain
        mapx: 'x := uint64(n)\nm := map[uint64]uint64{}\nfor i := 0; i < n; i++ {\n\tx = m[x&63] + uint64(i)\n}\nreturn x',
        // a sum: its chain (one add) is below the iteration's counted operations
        sum: 'x := uint64(0)\nfor i := 0; i < n; i++ {\n\tx += uint64(i)\n}\nreturn x',
      },
      '//go:noinline\nfunc id(x uint64) uint64 { return x }\n',
    );
    // the same loops' counted operations at `op`: a chain would make them ≥ an imul
    expect(got['call']).toBeGreaterThan(defaultGoCpuCosts.call);
    expect(got['mapx']).toBeLessThan(defaultGoCpuCosts.mapAccess + 1);
    expect(got['sum']).toBeLessThan(2 * alu);
    expect(got['sum']).toBeGreaterThan(alu);
  });
});
