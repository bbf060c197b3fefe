/**
 * What compiled Go code costs on the CPU: the simulated time the Go frontend charges for the
 * program's own computation (the runtime's and the kernel's costs are src/runtime/cost.ts and
 * src/sys/costs.ts).
 *
 * Every statement counts its operations (operators, index and selector operations, calls, loop
 * conditions and steps: see stmt.ts); each costs `op` ns. The operations compiled Go does not do in
 * a cycle or two add their own cost on top: a call of a Go function that is not inlined (`call`), a
 * map lookup or assignment (`mapAccess`: hashing and probing), an append (`append`, growth
 * amortised). The time accumulates and reaches the runtime as Work ops (preemptible CPU).
 *
 * Defaults: fitted to conformance/reference/go1.19/cpu_costs.json (go1.19.8, GOMAXPROCS=1, 5 runs on the
 * reference machine, 2 vCPU AMD EPYC): ns per loop iteration of nine loop shapes, divided by the
 * operations this compiler counts for them. `op` is the median ns per counted operation of the six
 * shapes made of simple operations (empty 0.40 ns/3 ops, sum 0.53/4, count_until 0.84/5, slice
 * 0.88/6, arith 1.12/7, nested 0.37/4: 0.09–0.17 ns, median 0.14); `call`, `mapAccess` and
 * `append` are what loop_call (2.05 ns), loop_map (9.29 ns) and loop_append (3.70 ns) take beyond
 * their counted operations. Simplified: no inlining decisions, caches or branch prediction — a
 * loop's speed is right within ≈±30 % for simple bodies, not per instruction.
 */
export interface GoCpuCosts {
  /** One counted operation (ns). */
  op: number;
  /** A call of a Go function, beyond its counted operations (ns). */
  call: number;
  /** A map lookup or assignment, beyond its counted operations (ns). */
  mapAccess: number;
  /** An append, beyond its counted operations (ns, growth amortised). */
  append: number;
}

export const defaultGoCpuCosts: Readonly<GoCpuCosts> = Object.freeze({
  op: 0.14, // median of 0.13, 0.13, 0.17, 0.15, 0.16, 0.09 ns per counted op (cpu_costs.json)
  call: 1.2, // loop_call 2.05 ns − 6 ops × 0.14
  mapAccess: 8.4, // loop_map 9.29 ns − 6 ops × 0.14
  append: 3.1, // loop_append 3.70 ns − 4 ops × 0.14
});
