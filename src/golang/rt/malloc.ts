/**
 * Heap allocation as compiled Go code reports it to the runtime's GC model (runtime/mgc.ts mallocgc).
 *
 * `heap.b` is a register, like goroutine.ts's `S.cur`: the bytes the running goroutine allocated since
 * its last runtime op. Allocation sites add to it (`$A.b += n`: make, new, composite literals whose
 * address is taken, slice and map literals, append growth, string concatenation, boxing into an
 * interface, fmt.Sprint*'s result string); the generated `$W`
 * (program.ts) hands the count to the runtime on the next Work op (`alloc`) and clears it. Each step
 * of a goroutine (Body.next) starts from 0, so interleaved runs never see each other's bytes; what a
 * step allocates before a runtime op that carries no Work op (a standard-library helper's own op) is
 * not counted. A compiled allocation site also counts as a function call (`$k++`): runtime.newobject,
 * makeslice, makemap and concatstrings are calls of Go functions with a stack-check prologue, so an
 * allocating loop has a cooperative preemption point at every allocation (exec.ts safePointWait).
 *
 * Large objects (make of more than 32 KiB, also `l`) ride along as `allocLarge`: the runtime charges
 * clearing their memory (mallocgc's needzero/memclrNoHeapPointers) by size; large []byte buffers
 * (also `u`) as `allocBuffers`: their fresh pages fault when a read(2) first fills them.
 *
 * Simplified: which composite literals escape is approximated (every `&T{…}`, slice and map literal
 * counts; a struct literal used as a value does not), sizes are sizeOf's (types.ts; no size-class
 * rounding except growslice's), and a string counts its UTF-16 length as bytes. Boxing a value into an
 * interface counts what runtime/iface.go's convT* allocate (box* below; the compiler's side is
 * compiler/operand.ts boxed): nothing for a constant (read-only data), a pointer-shaped value (stored in
 * the interface word), a zero-size one, a bool or a byte, an integer in [0, 256) (staticuint64s), +0.0,
 * "" and a nil slice; the value's size otherwise. A boxed value that does not escape is on the stack in
 * Go; the model counts every boxing (fmt's arguments, the common case, do escape).
 */
import type { Int64 } from './integers.js';

/**
 * The allocation registers: `b`, bytes since the running goroutine's last runtime op; `l`, the part
 * of them that were large objects (more than maxSmallSize: mallocgc's large path, whose memory is
 * cleared when it reuses freed pages: runtime/mgc.ts mallocgc); `u`, the part of those that were
 * byte buffers ([]byte), which I/O rather than Go code writes first; `n`, how many large objects
 * (each a span of its own: mheap.alloc).
 */
export const heap = { b: 0, l: 0, u: 0, n: 0 };

/** maxSmallSize (go1.19/go1.26 sizeclasses.go: _MaxSmallSize = 32768): larger objects get their own span. */
export const maxSmallSize = 32768;

/** `bytes` of one object allocated by make/new: counted, and as a large object when it is one. */
export function mallocObject(bytes: number): void {
  heap.b += bytes;
  if (bytes > maxSmallSize) {
    heap.l += bytes;
    heap.n++;
  }
}

/** A []byte's backing array of `bytes`: mallocObject, and a large one is a buffer (`u`). */
export function mallocBuffer(bytes: number): void {
  heap.b += bytes;
  if (bytes > maxSmallSize) {
    heap.l += bytes;
    heap.u += bytes;
    heap.n++;
  }
}

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
/**
 * runtime.ReadMemStats: the GC model's snapshot (runtime/mgc.ts readMemStats) into the program's
 * MemStats. LastGC and PauseEnd are wall-clock times in Go (UnixNano): the model's are simulated ns
 * since the start, shifted here by the program's wall clock at the start (`epochNs`, std/time.ts's
 * fixed clock); 0 stays 0 (no cycle yet). EnableGC is always true (Go sets it at start-up).
 */
export function setMemStats(m: Record<string, unknown>, snap: Record<string, unknown>, epochNs: bigint): void {
  const wall = (ns: number): Int64 => (ns === 0 ? 0 : epochNs + BigInt(Math.round(ns)));
  for (const k of Object.keys(snap)) {
    if (!(k in m)) continue;
    const v = snap[k];
    if (k === 'LastGC') m[k] = wall(v as number);
    else if (k === 'PauseEnd') (v as number[]).forEach((x, i) => ((m[k] as unknown[])[i] = wall(x)));
    else if (k === 'PauseNs') (v as number[]).forEach((x, i) => ((m[k] as unknown[])[i] = x));
    else m[k] = v;
  }
  m.EnableGC = true;
}

/** convT16/convT32/convT64: an integer boxed into an interface allocates its `size` unless it is in [0, 256). */
export function boxInt<T extends number | bigint>(v: T, size: number): T {
  if (typeof v === 'bigint' ? v < 0n || v >= 256n : v < 0 || v >= 256) heap.b += size;
  return v;
}

/** convT32/convT64 of a float's bits: only +0.0 (and denormals too small to matter) come from staticuint64s. */
export function boxFloat(v: number, size: number): number {
  if (!Object.is(v, 0)) heap.b += size;
  return v;
}

/** convTstring: "" is the static zero value; any other string's header (16 bytes) is allocated. */
export function boxString(v: string): string {
  if (v.length > 0) heap.b += 16;
  return v;
}

/** convTslice: a nil slice is the static zero value; any other slice's header (24 bytes) is allocated. */
export function boxSlice<T>(v: T | null): T | null {
  if (v !== null) heap.b += 24;
  return v;
}

/** A string made from a byte buffer (runtime.slicebytetostring/rawstring): its bytes, unless it is empty. */
export function mallocString(s: string): string {
  if (s.length > 0) heap.b += s.length;
  return s;
}
