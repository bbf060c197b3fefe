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

/**
 * The size classes of small objects (go1.19.8 and go1.26.8 runtime/sizeclasses.go class_to_size: the
 * same 67 classes in both), what roundupsize (msize.go) rounds a small allocation up to.
 */
const sizeClasses = [
  0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304,
  2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768,
];
/** _PageSize (malloc.go): a large object is a whole number of 8 KiB pages. */
const pageSize = 8192;
/**
 * The class size of every small size, by 8-byte steps up to 1024 and 128-byte steps above (Go's
 * size_to_class8 / size_to_class128 lookup: string concatenation and every library allocation round
 * through it, so no search). Immutable after module load.
 */
const smallSizeMax = 1024;
const classBy8 = new Uint16Array(smallSizeMax / 8 + 1);
const classBy128 = new Uint16Array((maxSmallSize - smallSizeMax) / 128 + 1);
for (let i = 0, c = 0; i < classBy8.length; i++) {
  while (sizeClasses[c]! < i * 8) c++;
  classBy8[i] = sizeClasses[c]!;
}
for (let i = 0, c = 0; i < classBy128.length; i++) {
  while (sizeClasses[c]! < smallSizeMax + i * 128) c++;
  classBy128[i] = sizeClasses[c]!;
}
/** msize.go roundupsize: a small size up to its size class, a large one up to whole pages. */
export function roundupsize(n: number): number {
  if (n <= smallSizeMax) return classBy8[(n + 7) >> 3]!;
  if (n <= maxSmallSize) return classBy128[(n - smallSizeMax + 127) >> 7]!;
  return Math.ceil(n / pageSize) * pageSize;
}

/**
 * growslice's new capacity (runtime/slice.go, the same rule in go1.19.8 and go1.26.8's nextslicecap):
 * double below 256 elements, then grow by (n + 3·256)/4 until it fits, rounded up to a size class.
 */
export function growCap(old: number, need: number, esize = 1): number {
  let newcap = old;
  const dbl = old + old;
  if (need > dbl) newcap = need;
  else if (old < 256) newcap = dbl;
  else {
    while (newcap < need) newcap += (newcap + 3 * 256) >> 2;
  }
  if (esize === 0) return newcap;
  return Math.floor(roundupsize(newcap * esize) / esize);
}

/**
 * maxTinySize (malloc.go): pointer-free objects below 16 bytes share 16-byte blocks (the tiny
 * allocator), and TotalAlloc counts the blocks. An object of `n` bytes starts at an offset aligned to
 * 8, 4 or 2 when n is a multiple of it and takes a new block when the rest of the current one is too
 * small, so a run of such objects costs 16 / ⌊16 / n'⌋ bytes each, rounded (n' = n rounded up to its
 * alignment): a 5-byte string 5.3 (go1.19.8 and go1.26.8: 5), a 6-byte one 8, 11–15 bytes a whole block.
 * Objects of different sizes share blocks in Go; the model charges each as a run of its own size.
 */
const maxTinySize = 16;
function tinyBytes(n: number): number {
  const a = (n & 7) === 0 ? 8 : (n & 3) === 0 ? 4 : (n & 1) === 0 ? 2 : 1;
  const m = Math.ceil(n / a) * a;
  return Math.round(maxTinySize / Math.floor(maxTinySize / m));
}

/**
 * An object of `bytes` the standard library allocates (a make, new, &T{} or string conversion in its
 * Go source): counted as mallocgc counts it — rounded up to its size class (tiny ones at their size), a
 * large one as a span of its own; `buffer`: a []byte whose first write is I/O (a read(2) fills it).
 * The library's sizes are its Go source's, checked against TotalAlloc on the real toolchains
 * (gotests/library_alloc.go); the compiled program's own allocations keep their sizeOf sizes.
 */
export function mallocLib(bytes: number, buffer = false): void {
  if (bytes <= 0) return;
  if (bytes > maxSmallSize) {
    const r = roundupsize(bytes);
    heap.b += r;
    heap.l += r;
    heap.n++;
    if (buffer) heap.u += r;
    return;
  }
  heap.b += bytes < maxTinySize ? tinyBytes(bytes) : roundupsize(bytes);
}

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

/**
 * s + t: concatstrings, one new string of their total length (rawstring: rounded as
 * mallocLib) — unless at most one operand is non-empty: that one is returned as it is.
 */
export function scat(s: string, t: string): string {
  const r = s + t;
  if (s.length > 0 && t.length > 0) mallocLib(r.length);
  return r;
}
/** scat of three or more operands (a + b + c …: still one allocation). */
export function scatN(...xs: string[]): string {
  let r = '';
  let parts = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    if (x.length > 0) parts++;
    r += x;
  }
  if (parts > 1) mallocLib(r.length);
  return r;
}

/** `n` bytes allocated by a make or composite literal whose value is `v` (returns v). */
export function alloced<T>(v: T, n: number): T {
  heap.b += n;
  return v;
}

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

/** A string the library makes from its bytes (runtime.rawstring): counted as mallocLib counts, unless it is empty; returns it. */
export function mallocString(s: string): string {
  mallocLib(s.length);
  return s;
}
