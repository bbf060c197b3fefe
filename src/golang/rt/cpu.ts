/**
 * CPU that run-time support code charges to the running goroutine: what compiled Go spends inside the
 * runtime's and library's own code whose cost depends on the data (a map assignment that adds a key and
 * so, amortised, grows the table), where the compiler's per-statement count cannot know it.
 *
 * `cpu.ns` is a register, like malloc.ts's `heap.b`: ns charged since the running goroutine's last
 * runtime op. The generated `$W`/`$Wc` (program.ts) add it to the next Work op and clear it; each step of
 * a goroutine (goroutine.ts Body.next) starts from 0, so interleaved goroutines never see each other's.
 * Costs that are fixed per call are charged at the call site instead (the compiler's `c.charge`).
 */

/** The CPU register (ns since the running goroutine's last runtime op). */
export const cpu = { ns: 0 };

/** `n` units of work at `nsEach` ns each (copy's elements: memmove), charged to the goroutine; returns n. */
export function charged(n: number, nsEach: number): number {
  cpu.ns += n * nsEach;
  return n;
}
