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
 * reference machine, 2 vCPU AMD EPYC, recorded 2026-12-06): ns per loop iteration of nine loop shapes,
 * divided by the operations this compiler counts for them. `op` is the median ns per counted operation
 * of the six shapes made of simple operations (empty 0.278 ns/3 ops, sum 0.277/4, count_until 0.632/5,
 * slice 0.554/6, arith 1.096/7, nested 0.300/4: 0.069–0.157 ns, median 0.092); `call`, `mapAccess` and
 * `append` are what loop_call (1.65 ns), loop_map (5.69 ns) and loop_append (3.17 ns) take beyond
 * their counted operations; `atomic` is half of an uncontended sync.Mutex Lock+Unlock (calibrate.json), the
 * two locked instructions it is made of. Simplified: no inlining decisions, caches or branch prediction — a
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
  /**
   * A sync/atomic read-modify-write (Add, Swap, CompareAndSwap, Store: LOCK XADD / XCHG / LOCK
   * CMPXCHG on amd64), beyond its counted operation. A plain atomic Load is a MOV and costs `op`.
   */
  atomic: number;
}

export const defaultGoCpuCosts: Readonly<GoCpuCosts> = Object.freeze({
  op: 0.092, // median of 0.093, 0.069, 0.126, 0.092, 0.157, 0.075 ns per counted op (cpu_costs.json)
  call: 1.1, // loop_call 1.65 ns − 6 ops × 0.092
  mapAccess: 5.1, // loop_map 5.69 ns − 6 ops × 0.092
  append: 2.8, // loop_append 3.17 ns − 4 ops × 0.092
  atomic: 2.4, // calibrate.json mutex_uncontended_ns 4.89 / 2: an uncontended Lock+Unlock is one LOCK CMPXCHG and one LOCK XADD (both inlined)
});
