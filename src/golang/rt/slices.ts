/**
 * Slices and arrays (runtime/slice.go): the Slice header over a shared JS array, bounds-checked
 * element access, append with go1.19's growslice capacities (size classes of runtime/sizeclasses.go),
 * copy, slicing expressions with Go's out-of-range messages, make.
 *
 * Byte slices: the backing array of a []byte/[]uint8 that `make`, []byte(string) or the standard
 * library's buffers create is a Uint8Array (one byte per element, zeroed by the engine: a 1 MiB
 * buffer is 1 MiB, not 8 MiB of JS numbers made one at a time), and append's growth and copy keep
 * it one. It is indexed exactly like a JS array, and storing into it truncates to a byte, which the
 * compiled code's uint8 arithmetic already does. Arrays ([N]byte values) and slices of them stay
 * JS arrays (array values are compared and hashed as JS arrays: alg.ts).
 *
 * Invariants: a nil slice is null; `o + n <= o + c <= a.length`; elements past n are Go's spare
 * capacity (appending writes them in place, so two slices of one array see each other's writes);
 * `a` is a Uint8Array only for a slice whose element type is uint8.
 * Simplification: at most 2^25 elements are materialised (maxSliceElems); a larger array type's
 * value makes its elements on first access (bigArr).
 */
import { GoPanic, rtPanic, oob } from './panics.js';
import { type Ref, PropRef, Box } from './values.js';
import { growCap, heap, mallocBuffer, mallocObject } from './malloc.js';

/**
 * A []byte's backing array typed as the element accessors see it: a Uint8Array read and written by
 * index like unknown[] (only index access, length and the helpers below touch it).
 */
export function byteArray(c: number): unknown[] {
  return new Uint8Array(c) as unknown as unknown[];
}
/** Whether a backing array is a byte slice's Uint8Array. */
export function isByteArray(a: unknown[]): boolean {
  return (a as unknown) instanceof Uint8Array;
}
/** A backing array of capacity c of the same kind as `a` (growslice keeps a []byte one). */
function newBacking(a: unknown[], c: number): unknown[] {
  return isByteArray(a) ? byteArray(c) : new Array(c);
}

export class Slice {
  constructor(
    public a: unknown[],
    public o: number,
    public n: number,
    public c: number,
  ) {}
}

export function sget(s: Slice | null, i: number): unknown {
  if (s === null || !(i >= 0 && i < s.n)) oob(i, s === null ? 0 : s.n);
  return s.a[s.o + i];
}
export function sset(s: Slice | null, i: number, v: unknown): void {
  if (s === null || !(i >= 0 && i < s.n)) oob(i, s === null ? 0 : s.n);
  s.a[s.o + i] = v;
}
export function aget(a: unknown[], i: number): unknown {
  if (!(i >= 0 && i < a.length)) oob(i, a.length);
  return a[i];
}
export function aset(a: unknown[], i: number, v: unknown): void {
  if (!(i >= 0 && i < a.length)) oob(i, a.length);
  a[i] = v;
}
/** clear(s) (memclr): s[0:len(s)] become zero values (a fresh one each: struct and array elements are objects). */
export function sclear(s: Slice | null, zero: () => unknown): void {
  if (s === null) return;
  for (let i = 0; i < s.n; i++) s.a[s.o + i] = zero();
}
export function len(s: Slice | null): number {
  return s === null ? 0 : s.n;
}
export function cap(s: Slice | null): number {
  return s === null ? 0 : s.c;
}

/**
 * The zero value append puts in a grown backing array's spare capacity (s[len:cap] must read as zero
 * values after a reslice): a primitive zero as is, or a function making a fresh zero (a struct, an
 * array or a complex number are objects). undefined leaves the capacity empty (only for callers that
 * never reslice past the length).
 */
export type ZeroOf = number | string | boolean | null | (() => unknown) | undefined;
function fillZero(a: unknown[], from: number, to: number, z: ZeroOf): void {
  if (z === undefined || from >= to || isByteArray(a)) return;
  if (typeof z === 'function') for (let i = from; i < to; i++) a[i] = z();
  else a.fill(z, from, to);
}

/** append(s, vals...); `z` the element type's zero (ZeroOf) for the spare capacity of a new backing array. */
export function append(s: Slice | null, vals: unknown[], esize: number, z?: ZeroOf): Slice {
  const k = vals.length;
  if (s === null) {
    if (k === 0) return null as unknown as Slice;
    const c = growCap(0, k, esize);
    heap.b += c * esize; // growslice's new backing array (malloc.ts)
    const a = new Array(c);
    for (let i = 0; i < k; i++) a[i] = vals[i];
    fillZero(a, k, c, z);
    return new Slice(a, 0, k, c);
  }
  const n = s.n + k;
  if (n <= s.c) {
    const a = s.a;
    const o = s.o + s.n;
    for (let i = 0; i < k; i++) a[o + i] = vals[i];
    return new Slice(a, s.o, n, s.c);
  }
  const c = growCap(s.c, n, esize);
  heap.b += c * esize;
  const a = newBacking(s.a, c);
  if (isByteArray(a)) (a as unknown as Uint8Array).set((s.a as unknown as Uint8Array).subarray(s.o, s.o + s.n));
  else for (let i = 0; i < s.n; i++) a[i] = s.a[s.o + i];
  for (let i = 0; i < k; i++) a[s.n + i] = vals[i];
  fillZero(a, n, c, z);
  return new Slice(a, 0, n, c);
}
/**
 * go1.26's stack-store append (compiler/escape.ts): whether appending k elements to s must grow an
 * EMPTY slice to at most K elements — the case the 32-byte stack backing store takes.
 */
export function stackFits(s: Slice | null, k: number, K: number): boolean {
  const n = s === null ? 0 : s.n;
  const c = s === null ? 0 : s.c;
  return n === 0 && k > c && k <= K;
}
/** The append that takes the stack backing store: cap K, nothing allocated on the heap (no growslice). */
export function appendBuf(s: Slice | null, vals: unknown[], K: number, z?: ZeroOf): Slice {
  const k = vals.length;
  const a = s === null ? new Array(K) : newBacking(s.a, K);
  for (let i = 0; i < k; i++) a[i] = vals[i];
  fillZero(a, k, K, z);
  return new Slice(a, 0, k, K);
}
/** append(s, x) — the common one-element case without an array allocation. */
export function append1(s: Slice | null, v: unknown, esize: number, z?: ZeroOf): Slice {
  if (s !== null && s.n < s.c) {
    s.a[s.o + s.n] = v;
    return new Slice(s.a, s.o, s.n + 1, s.c);
  }
  return append(s, [v], esize, z);
}
/** The elements of s as a new plain JS array (also for a []byte's Uint8Array). */
export function sliceToArray(s: Slice | null): unknown[] {
  if (s === null) return [];
  return Array.prototype.slice.call(s.a, s.o, s.o + s.n) as unknown[];
}
export function copySlice(dst: Slice | null, src: Slice | string | null): number {
  if (dst === null || src === null) return 0;
  if (typeof src === 'string') {
    const n = Math.min(dst.n, src.length);
    for (let i = 0; i < n; i++) dst.a[dst.o + i] = src.charCodeAt(i);
    return n;
  }
  const n = Math.min(dst.n, src.n);
  if (isByteArray(dst.a) && isByteArray(src.a)) {
    // memmove: TypedArray.set copies overlapping ranges of one buffer as if through a temporary.
    (dst.a as unknown as Uint8Array).set((src.a as unknown as Uint8Array).subarray(src.o, src.o + n), dst.o);
    return n;
  }
  if (dst.a === src.a && dst.o > src.o) for (let i = n - 1; i >= 0; i--) dst.a[dst.o + i] = src.a[src.o + i];
  else for (let i = 0; i < n; i++) dst.a[dst.o + i] = src.a[src.o + i];
  return n;
}
function sliceOOB(lo: number, hi: number, max: number, cap: number, three: boolean): never {
  if (three) {
    if (max > cap) throw rtPanic(`slice bounds out of range [::${max}] with capacity ${cap}`);
    if (hi > max) throw rtPanic(`slice bounds out of range [:${hi}:${max}]`);
    throw rtPanic(`slice bounds out of range [${lo}:${hi}:]`);
  }
  if (hi > cap) throw rtPanic(`slice bounds out of range [:${hi}] with capacity ${cap}`);
  throw rtPanic(`slice bounds out of range [${lo}:${hi}]`);
}
/** s[lo:hi:max] on a slice (hi/max = -1: omitted). */
export function reslice(s: Slice | null, lo: number, hi: number, max: number): Slice | null {
  const c = s === null ? 0 : s.c;
  const n = s === null ? 0 : s.n;
  const three = max >= 0;
  if (hi < 0) hi = n;
  if (max < 0) max = c;
  if (!(max <= c && hi <= max && lo >= 0 && lo <= hi)) sliceOOB(lo, hi, max, c, three);
  if (s === null) return null;
  return new Slice(s.a, s.o + lo, hi - lo, max - lo);
}
/** arr[lo:hi:max] on an array. */
export function sliceArray(a: unknown[], lo: number, hi: number, max: number): Slice {
  const c = a.length;
  const three = max >= 0;
  if (hi < 0) hi = c;
  if (max < 0) max = c;
  if (!(max <= c && hi <= max && lo >= 0 && lo <= hi)) sliceOOB(lo, hi, max, c, three);
  return new Slice(a, lo, hi - lo, max - lo);
}
/** Largest slice the simulator materialises (elements). Go would allocate more; JS cannot. */
export const maxSliceElems = 1 << 25;
/** make([]byte, n, c) (the compiler's make of a slice of uint8): a Uint8Array backing, its bytes counted (malloc.ts); make([]byte, n) has c = n. */
export function makeBytesA(n: number, c: number = n): Slice {
  const s = makeBytes(n, c);
  mallocBuffer(c);
  return s;
}
/** make([]byte, n, c) with makeslice's checks, over a zeroed Uint8Array (the library's buffers). */
export function makeBytes(n: number, c: number): Slice {
  // an int64/uint64 length beyond 2^53 is a bigint (integers.ts): as a double it is just as out of range
  n = Number(n);
  c = Number(c);
  if (n < 0 || n > c || !Number.isInteger(n) || !Number.isInteger(c) || c > maxAlloc) {
    if (n < 0 || !Number.isInteger(n) || n > maxAlloc) throw rtPanic('makeslice: len out of range');
    throw rtPanic('makeslice: cap out of range');
  }
  if (c > maxSliceElems) throw new GoPanic(null, `gmpsim: make of a slice of ${c} elements exceeds the simulator's limit of ${maxSliceElems} elements`);
  return new Slice(byteArray(c), 0, n, c);
}
/** make([]T, n, c) with T of `esize` bytes: makeslice, then the backing array's bytes (malloc.ts); make([]T, n) has c = n. */
export function makeSliceA(zero: () => unknown, esize: number, n: number, c: number = n): Slice {
  const s = makeSlice(n, c, zero, esize);
  mallocObject(c * esize);
  return s;
}
/** runtime.maxAlloc on amd64 (malloc.go: 1 << heapAddrBits, heapAddrBits = 48). */
const maxAlloc = 2 ** 48;
/**
 * make([]T, n, c) (runtime.makeslice): the length and the capacity in bytes must be ≤ maxAlloc, the
 * length within [0, c]; `esize` is T's size (0: the size is not checked, as for the library's own
 * buffers).
 */
export function makeSlice(n: number, c: number, zero: () => unknown, esize = 0): Slice {
  n = Number(n);
  c = Number(c);
  if (!(esize * c <= maxAlloc) || n < 0 || n > c || !Number.isInteger(n) || !Number.isInteger(c)) {
    if (!(esize * n <= maxAlloc) || n < 0 || !Number.isInteger(n)) throw rtPanic('makeslice: len out of range');
    throw rtPanic('makeslice: cap out of range');
  }
  if (c > maxSliceElems) throw new GoPanic(null, `gmpsim: make of a slice of ${c} elements exceeds the simulator's limit of ${maxSliceElems} elements`);
  const a = new Array(c);
  for (let i = 0; i < c; i++) a[i] = zero();
  return new Slice(a, 0, n, c);
}
export function sliceLit(vals: unknown[]): Slice {
  return new Slice(vals, 0, vals.length, vals.length);
}
/** &s[i]; `es`: the element size (unsafe.Add). */
export function refIndex(s: Slice | null, i: number, es: number): Ref {
  if (s === null || !(i >= 0 && i < s.n)) oob(i, s === null ? 0 : s.n);
  return new PropRef(s.a as unknown as Record<number, unknown>, s.o + i, es);
}

/** The value of an array type [n]T whose zero value is not a primitive: n fresh zeros. */
export function arr(n: number, z: () => unknown): unknown[] {
  const a = new Array(n);
  for (let i = 0; i < n; i++) a[i] = z();
  return a;
}

/**
 * The value of an array type of more than maxSliceElems elements ([256 << 20]byte, test/nilptr.go):
 * its elements are made on first access (a Proxy over a Map; unwritten ones read as zero), so a
 * program that declares a huge array and touches a few elements runs. Copying or ranging over all
 * of it still visits every element.
 */
export function bigArr(n: number, z: () => unknown): unknown[] {
  const cells = new Map<number, unknown>();
  const index = (k: string | symbol): number => {
    if (typeof k !== 'string') return -1;
    const i = Number(k);
    return Number.isInteger(i) && i >= 0 && i < n && String(i) === k ? i : -1;
  };
  return new Proxy([] as unknown[], {
    get(t, k) {
      if (k === 'length') return n;
      const i = index(k);
      if (i < 0) return Reflect.get(t, k);
      let v = cells.get(i);
      if (v === undefined) cells.set(i, (v = z()));
      return v;
    },
    set(t, k, v) {
      const i = index(k);
      if (i >= 0) cells.set(i, v);
      else Reflect.set(t, k, v);
      return true;
    },
    has(t, k) {
      return index(k) >= 0 || Reflect.has(t, k);
    },
  });
}
/** &a[i] of an array; `es`: the element size (unsafe.Add). */
export function refArr(a: unknown[], i: number, es: number): Ref {
  if (!(i >= 0 && i < a.length)) oob(i, a.length);
  // &p[i] of a pointer converted from a slice: the backing array's element, as &s[i] is
  const view = (a as unknown as { [viewOf]?: [unknown[], number] })[viewOf];
  if (view !== undefined) return new PropRef(view[0] as unknown as Record<number, unknown>, view[1] + i, es);
  return new PropRef(a as unknown as Record<number, unknown>, i, es);
}

/** The key under which an array view answers its backing array and offset. */
const viewOf = Symbol('arrayView');

/**
 * The array a pointer converted from a slice points to: s.a[o … o+n) seen as an [n]T (a Proxy whose
 * reads, writes and length go to the backing array, so the slice and the pointer see each other's
 * writes). Simplified: assigning a whole array through the pointer (`*p = x`) replaces the view
 * instead of copying into the slice's elements.
 */
function arrayView(a: unknown[], o: number, n: number): unknown[] {
  const index = (k: string | symbol): number => {
    if (typeof k !== 'string') return -1;
    const i = Number(k);
    return Number.isInteger(i) && i >= 0 && i < n && String(i) === k ? i : -1;
  };
  return new Proxy(a, {
    get(t, k) {
      if (k === 'length') return n;
      if (k === viewOf) return [a, o];
      const i = index(k);
      return i >= 0 ? a[o + i] : typeof k === 'string' && /^\d+$/.test(k) ? undefined : Reflect.get(t, k);
    },
    set(t, k, v) {
      const i = index(k);
      if (i >= 0) a[o + i] = v;
      else Reflect.set(t, k, v);
      return true;
    },
    has(t, k) {
      return index(k) >= 0 || (!(typeof k === 'string' && /^\d+$/.test(k)) && Reflect.has(t, k));
    },
  });
}

/**
 * (*[n]T)(s) (Go 1.17; runtime.panicSliceConvert): a pointer to s's first n elements; nil for a nil
 * slice and n = 0. `arrayMsg`: go1.20+'s message (the conversion to an array came in 1.20).
 */
export function sliceToArrayPtr(s: Slice | null, n: number, arrayMsg: boolean): Ref | null {
  const len = s === null ? 0 : s.n;
  if (len < n) throw rtPanic(`cannot convert slice with length ${len} to ${arrayMsg ? 'array or ' : ''}pointer to array with length ${n}`);
  if (s === null) return null;
  return new Box(s.o === 0 && s.a.length === n ? s.a : arrayView(s.a, s.o, n));
}

/** [n]T(s) (Go 1.20): a copy of s's first n elements (the compiler copies struct/array elements). */
export function convertSliceToArray(s: Slice | null, n: number): unknown[] {
  const len = s === null ? 0 : s.n;
  if (len < n) throw rtPanic(`cannot convert slice with length ${len} to array or pointer to array with length ${n}`);
  return s === null ? [] : s.a.slice(s.o, s.o + n);
}
