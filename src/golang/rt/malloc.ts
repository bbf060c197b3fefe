/**
 * Heap allocation as compiled Go code reports it to the runtime's GC model (runtime/mgc.ts mallocgc).
 *
 * `heap.b` is a register, like goroutine.ts's `S.cur`: the bytes the running goroutine allocated since
 * its last runtime op. Allocation sites add to it (`$A.b += n`: make, new, composite literals whose
 * address is taken, slice and map literals, append growth, string concatenation); the generated `$W`
 * (program.ts) hands the count to the runtime on the next Work op (`alloc`) and clears it. Each step
 * of a goroutine (Body.next) starts from 0, so interleaved runs never see each other's bytes; what a
 * step allocates before a runtime op that carries no Work op (a standard-library helper's own op) is
 * not counted. A compiled allocation site also counts as a function call (`$k++`): runtime.newobject,
 * makeslice, makemap and concatstrings are calls of Go functions with a stack-check prologue, so an
 * allocating loop has a cooperative preemption point at every allocation (exec.ts safePointWait).
 *
 * Simplified: which composite literals escape is approximated (every `&T{…}`, slice and map literal
 * counts; a struct literal used as a value does not), sizes are sizeOf's (types.ts; no size-class
 * rounding except growslice's), a string counts its UTF-16 length as bytes, and boxing a value into an
 * interface is not counted.
 */

/** The allocation register (bytes since the running goroutine's last runtime op). */
export const heap = { b: 0 };

/** s + t, counting the new string's bytes (concatstrings). */
export function scat(s: string, t: string): string {
  const r = s + t;
  heap.b += r.length;
  return r;
}

/** `n` bytes allocated by a make or composite literal whose value is `v` (returns v). */
export function alloced<T>(v: T, n: number): T {
  heap.b += n;
  return v;
}

/** runtime.ReadMemStats: copy the engine's snapshot (runtime/mgc.ts readMemStats) into *m. */
export function setMemStats(m: Record<string, unknown>, snap: Record<string, unknown>): void {
  for (const k of Object.keys(snap)) if (k in m) m[k] = snap[k];
}
