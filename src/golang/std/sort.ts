/**
 * Package sort: Ints, Strings, Float64s, Slice and SliceStable.
 *
 * Ints/Strings/Float64s sort in place with JS's sort (stable; Go's pdqsort is not
 * stable, but equal ints, strings and floats are indistinguishable). Slice calls the program's
 * less function, a Go function that may block or be preempted, so it is an insertion sort written
 * as a generator: stable, and O(n²) calls of less (Go's pdqsort makes O(n log n) calls, so the CPU
 * time charged for large slices is higher than Go's, and the order of equal elements under Slice is
 * the stable one). Float64s does not put NaNs first as Go's does (a NaN compares equal to all).
 */
import type { Op } from '../../workload/ops.js';
import { tBool, tFloat64, tInt, tString } from '../types.js';
import { pkg, F, fn, sl, tAny, subset } from './registry.js';
import type { Slice as GoSlice } from '../rt/slices.js';
import type { Iface } from '../rt/values.js';

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

const less = fn([tInt, tInt], [tBool]);
pkg('sort', {
  Ints: F(fn([sl(tInt)]), (a) => `$P.sort.sortSlice(${a[0]}, (x, y) => x - y)`),
  Strings: F(fn([sl(tString)]), (a) => `$P.sort.sortSlice(${a[0]}, (x, y) => (x < y ? -1 : x > y ? 1 : 0))`),
  Float64s: F(fn([sl(tFloat64)]), (a) => `$P.sort.sortSlice(${a[0]}, (x, y) => x - y)`),
  Slice: F(fn([tAny, less]), (a) => `(yield* $P.sort.Slice(${a[0]}, ${a[1]}))`),
  SliceStable: F(fn([tAny, less]), (a) => `(yield* $P.sort.Slice(${a[0]}, ${a[1]}))`),
  $unsupported: subset(),
});
