/**
 * Package sort: Ints, Strings, Float64s, Slice and SliceStable, Sort/Stable/IsSorted on a sort.Interface, Search.
 *
 * Ints/Strings/Float64s sort in place with JS's sort (stable; Go's pdqsort is not
 * stable, but equal ints, strings and floats are indistinguishable). Slice calls the program's
 * less function, a Go function that may block or be preempted, so it is an insertion sort written
 * as a generator: stable, and O(n²) calls of less (Go's pdqsort makes O(n log n) calls, so the CPU
 * time charged for large slices is higher than Go's, and the order of equal elements under Slice is
 * the stable one). Float64s puts NaNs first, as Go's Float64Slice.Less does.
 */
import type { Op } from '../../workload/ops.js';
import { tBool, tFloat64, tInt, tString, newNamed } from '../types.js';
import { pkg, F, T, fn, sl, tAny, subset } from './registry.js';
import type { Slice as GoSlice } from '../rt/slices.js';
import type { Iface } from '../rt/values.js';
import { nilDeref } from '../rt/panics.js';

type Go<T = void> = Generator<Op, T, unknown>;

/** Sorts the slice's elements in place with `cmp`. */
export function sortSlice(s: GoSlice | null, cmp: (a: unknown, b: unknown) => number): void {
  if (s === null) return;
  const part = s.a.slice(s.o, s.o + s.n).sort(cmp);
  for (let i = 0; i < s.n; i++) s.a[s.o + i] = part[i];
}
/** sort.Slice(x, less): insertion sort through the program's less (a generator), stable. */
export function* Slice(x: Iface | null, less: (i: number, j: number) => Go<unknown>): Go {
  if (x === null) return;
  const s = x.v as GoSlice | null;
  if (s === null) return;
  for (let i = 1; i < s.n; i++) {
    for (let j = i; j > 0; j--) {
      if (!((yield* less(j, j - 1)) as boolean)) break;
      const t = s.a[s.o + j];
      s.a[s.o + j] = s.a[s.o + j - 1];
      s.a[s.o + j - 1] = t;
    }
  }
}

type Method = (recv: unknown, ...a: unknown[]) => Go<unknown>;
/** The program's sort.Interface value: its methods through the dynamic type's method table. */
function methods(data: Iface): { len: () => Go<unknown>; less: (i: number, j: number) => Go<unknown>; swap: (i: number, j: number) => Go<unknown> } {
  const m = (data.t as unknown as { $m: Record<string, Method> }).$m;
  return { len: () => m.Len!(data.v), less: (i, j) => m.Less!(data.v, i, j), swap: (i, j) => m.Swap!(data.v, i, j) };
}
/** Insertion sort of data[a:b] (sort.go insertionSort): what Go's pdqsort does for ≤ 12 elements. */
function* insertionSort(d: ReturnType<typeof methods>, a: number, b: number): Go {
  for (let i = a + 1; i < b; i++) for (let j = i; j > a && ((yield* d.less(j, j - 1)) as boolean); j--) yield* d.swap(j, j - 1);
}
function* siftDown(d: ReturnType<typeof methods>, lo: number, hi: number, first: number): Go {
  let root = lo;
  for (;;) {
    let child = 2 * root + 1;
    if (child >= hi) return;
    if (child + 1 < hi && ((yield* d.less(first + child, first + child + 1)) as boolean)) child++;
    if (!((yield* d.less(first + root, first + child)) as boolean)) return;
    yield* d.swap(first + root, first + child);
    root = child;
  }
}
/**
 * sort.Sort(data): through the program's Len/Less/Swap. Up to 12 elements this is Go's own order
 * (pdqsort's insertion sort); above, heapsort (sort.go heapSort), which pdqsort falls back to — the
 * result is sorted but equal elements may end in another order than Go's pattern-defeating quicksort.
 */
export function* Sort(data: Iface | null): Go {
  if (data === null) nilDeref();
  const d = methods(data);
  const n = (yield* d.len()) as number;
  if (n <= 12) return yield* insertionSort(d, 0, n);
  for (let i = ((n - 1) / 2) | 0; i >= 0; i--) yield* siftDown(d, i, n, 0);
  for (let i = n - 1; i >= 0; i--) {
    yield* d.swap(0, i);
    yield* siftDown(d, 0, i, 0);
  }
}
/** sort.Stable(data): insertion sort (stable; O(n²) calls of Less, Go's is O(n log² n) with SymMerge). */
export function* Stable(data: Iface | null): Go {
  if (data === null) nilDeref();
  const d = methods(data);
  yield* insertionSort(d, 0, (yield* d.len()) as number);
}
/** sort.IsSorted(data). */
export function* IsSorted(data: Iface | null): Go<boolean> {
  if (data === null) nilDeref();
  const d = methods(data);
  const n = (yield* d.len()) as number;
  for (let i = n - 1; i > 0; i--) if ((yield* d.less(i, i - 1)) as boolean) return false;
  return true;
}
/** sort.Search(n, f): the smallest i in [0, n) with f(i) true (n if none), by binary search as sort.go. */
export function* Search(n: number, f: (i: number) => Go<unknown>): Go<number> {
  let i = 0;
  let j = n;
  while (i < j) {
    const h = Math.floor((i + j) / 2);
    if (!((yield* f(h)) as boolean)) i = h + 1;
    else j = h;
  }
  return i;
}

const less = fn([tInt, tInt], [tBool]);
export const tInterface = newNamed('Interface', 'sort', {
  k: 'iface',
  methods: new Map([
    ['Len', fn([], [tInt])],
    ['Less', fn([tInt, tInt], [tBool])],
    ['Swap', fn([tInt, tInt])],
  ]),
});
pkg('sort', {
  Ints: F(fn([sl(tInt)]), (a) => `$P.sort.sortSlice(${a[0]}, (x, y) => x - y)`),
  Strings: F(fn([sl(tString)]), (a) => `$P.sort.sortSlice(${a[0]}, (x, y) => (x < y ? -1 : x > y ? 1 : 0))`),
  // Float64Slice.Less: x < y || (isNaN(x) && !isNaN(y)) — NaNs first
  Float64s: F(fn([sl(tFloat64)]), (a) => `$P.sort.sortSlice(${a[0]}, (x, y) => (x !== x ? (y !== y ? 0 : -1) : y !== y ? 1 : x - y))`),
  Slice: F(fn([tAny, less]), (a) => `(yield* $P.sort.Slice(${a[0]}, ${a[1]}))`),
  SliceStable: F(fn([tAny, less]), (a) => `(yield* $P.sort.Slice(${a[0]}, ${a[1]}))`),
  Interface: T(tInterface),
  Sort: F(fn([tInterface]), (a) => `(yield* $P.sort.Sort(${a[0]}))`),
  Stable: F(fn([tInterface]), (a) => `(yield* $P.sort.Stable(${a[0]}))`),
  IsSorted: F(fn([tInterface], [tBool]), (a) => `(yield* $P.sort.IsSorted(${a[0]}))`),
  Search: F(fn([tInt, fn([tInt], [tBool])], [tInt]), (a) => `(yield* $P.sort.Search(${a[0]}, ${a[1]}))`),
  $unsupported: subset(),
});
