/**
 * Package sort: Sort, Stable, IsSorted and Reverse on a sort.Interface; Slice, SliceStable and
 * SliceIsSorted; Ints, Strings, Float64s (and their …AreSorted); IntSlice, StringSlice, Float64Slice;
 * Search, SearchInts, SearchStrings, SearchFloat64s, Find.
 *
 * The algorithms are Go's own, step for step, so that a program sees what it sees under real Go: the
 * same calls of its Less and Swap in the same order (a Less that counts or prints shows the same), and
 * the same final order of elements that compare equal — sort.Slice and sort.Sort are not stable, and
 * which of two equal elements ends first is what pdqsort's pivots and swaps make it:
 * - Sort, Slice, and (go1.19) Ints/Strings/Float64s: pattern-defeating quicksort, sort/zsortfunc.go
 *   pdqsort_func (identical in go1.19.8 and go1.26.8; zsortinterface.go and go1.22+'s
 *   slices.Sort/zsortordered.go are the same algorithm over another way to compare), with its
 *   insertion sort (≤ 12 elements), heapsort fallback, ninther pivots, pattern breaking (xorshift),
 *   partial insertion sort and equal-element partition;
 * - Stable, SliceStable: insertion sort of 20-element blocks, then SymMerge (stable_func).
 * One implementation serves every entry point: `Data` answers `less` and `swap` through `yield*`, as
 * the program's Go methods or closure (a generator: Less may block or be preempted) or, for the
 * ordered sorts, as a reused `Answer` (no generator per comparison).
 *
 * CPU time: the program's own Less/Swap code is charged by its statements (src/golang/cost.ts); the
 * sort's own work — the loops, the indirect calls, reflect's swapper for Slice, the comparisons of the
 * ordered sorts — is charged per comparison pdqsort makes (GoCpuCosts.sortCmp / sortFuncCmp, from
 * conformance/programs/lib_costs.go), which the call site adds to the goroutine's CPU (`$S.c`).
 * Before, Slice was an O(n²) insertion sort (a 10,000-element Slice ran past the wall-clock budget)
 * and Ints charged nothing.
 */
import { K, type Op } from '../../workload/ops.js';
import type { GoRelease } from '../../runtime/version.js';
import { tBool, tFloat64, tInt, tString, newNamed, underlying, type NamedType, type Type } from '../types.js';
import { globalTypes, type Compiler } from '../core.js';
import { pkg, F, T, fn, sl, ptr, tAny, subset, jsMethod, method } from './registry.js';
import type { Slice as GoSlice } from '../rt/slices.js';
import type { Iface } from '../rt/values.js';
import { nilDeref, oob, plainPanic } from '../rt/panics.js';

type Go<T = void> = Generator<Op, T, unknown>;
type Answerable<T> = Iterator<Op, T, unknown> & { [Symbol.iterator](): Iterator<Op, T, unknown> };

/**
 * A synchronous answer handed to `yield*` without a generator: its own iterator and iterator result
 * (as workload/call.ts's Call). One per Data, reused by every comparison (each completes before the
 * next starts).
 */
class Answer<T> {
  done = true;
  value!: T;
  next(): IteratorResult<Op, T> {
    return this as IteratorResult<Op, T>;
  }
  [Symbol.iterator](): this {
    return this;
  }
  set(v: T): Answerable<T> {
    this.value = v;
    return this as unknown as Answerable<T>;
  }
}

/** The data pdqsort sorts (sort.go's Interface / lessSwap), counting its comparisons for the CPU charge. */
abstract class Data {
  cmps = 0;
  /** ns of CPU per comparison (the call site's cost model) and the comparisons already charged. */
  nsPerCmp = 0;
  charged = 0;
  /** breakPatterns' xorshift of this release (see xorshiftShifts). */
  shifts = xorshiftShifts['1.26'];
  abstract less(i: number, j: number): Answerable<unknown>;
  abstract swap(i: number, j: number): Answerable<unknown>;
}

const pass = new Answer<undefined>();

/**
 * A long sort hands its CPU time to the runtime as it goes, in Work ops of at least `flushNs` (the Go
 * frontend's chunk, src/golang/index.ts): the goroutine can be preempted in the middle of a sort as
 * in Go, and the host's watchdog sees the run progress. What is left is charged by the call site.
 */
const flushNs = 10_000;
function* flush(d: Data): Go {
  const ns = Math.floor((d.cmps - d.charged) * d.nsPerCmp);
  if (ns < flushNs) return;
  d.charged += ns / d.nsPerCmp;
  yield { k: K.Work, ns, every: 0 };
}
/** What the sort has not charged yet (ns). */
const rest = (d: Data): number => (d.cmps - d.charged) * d.nsPerCmp;

/** A Go slice compared by its elements' order (Ints, Strings, Float64s, IntSlice…): no program code runs. */
class Ordered extends Data {
  private readonly ans = new Answer<boolean>();
  constructor(
    private readonly s: GoSlice,
    private readonly lt: (x: unknown, y: unknown) => boolean,
  ) {
    super();
  }
  less(i: number, j: number): Answerable<boolean> {
    this.cmps++;
    const a = this.s.a;
    const o = this.s.o;
    return this.ans.set(this.lt(a[o + i], a[o + j]));
  }
  swap(i: number, j: number): Answerable<undefined> {
    swapElems(this.s, i, j);
    return pass.set(undefined);
  }
}

function swapElems(s: GoSlice, i: number, j: number): void {
  const a = s.a;
  const t = a[s.o + i];
  a[s.o + i] = a[s.o + j];
  a[s.o + j] = t;
}

/** sort.Slice's lessSwap: the program's less closure and reflect's swapper of the slice. */
class Funcs extends Data {
  constructor(
    private readonly s: GoSlice,
    private readonly lessFn: (i: number, j: number) => Go<unknown>,
  ) {
    super();
  }
  less(i: number, j: number): Answerable<unknown> {
    this.cmps++;
    return this.lessFn(i, j);
  }
  swap(i: number, j: number): Answerable<undefined> {
    swapElems(this.s, i, j);
    return pass.set(undefined);
  }
}

type Method = (recv: unknown, ...a: unknown[]) => Go<unknown>;
/** A sort.Interface value: Len, Less and Swap through its dynamic type's method table. */
class Methods extends Data {
  private readonly m: Record<string, Method>;
  constructor(private readonly data: Iface) {
    super();
    this.m = (data.t as unknown as { $m: Record<string, Method> }).$m;
  }
  len(): Go<unknown> {
    return this.m.Len!(this.data.v);
  }
  less(i: number, j: number): Answerable<unknown> {
    this.cmps++;
    return this.m.Less!(this.data.v, i, j);
  }
  swap(i: number, j: number): Answerable<unknown> {
    return this.m.Swap!(this.data.v, i, j);
  }
}

// ---- pdqsort (sort/zsortfunc.go), step for step

/** insertionSort_func: data[a:b] by insertion. */
function* insertionSort(d: Data, a: number, b: number): Go {
  for (let i = a + 1; i < b; i++) for (let j = i; j > a && (yield* d.less(j, j - 1)); j--) yield* d.swap(j, j - 1);
}

/** siftDown_func: the heap property on data[lo:hi], the root at offset `first`. */
function* siftDown(d: Data, lo: number, hi: number, first: number): Go {
  let root = lo;
  for (;;) {
    let child = 2 * root + 1;
    if (child >= hi) return;
    if (child + 1 < hi && (yield* d.less(first + child, first + child + 1))) child++;
    if (!(yield* d.less(first + root, first + child))) return;
    yield* d.swap(first + root, first + child);
    root = child;
  }
}

function* heapSort(d: Data, a: number, b: number): Go {
  const first = a;
  const hi = b - a;
  for (let i = Math.trunc((hi - 1) / 2); i >= 0; i--) yield* siftDown(d, i, hi, first);
  for (let i = hi - 1; i >= 0; i--) {
    if ((i & 1023) === 0) yield* flush(d);
    yield* d.swap(first, first + i);
    yield* siftDown(d, 0, i, first);
  }
}

/** sortedHint */
const unknownHint = 0;
const increasingHint = 1;
const decreasingHint = 2;

/** bits.Len(uint(n)): the number of bits needed to represent n. */
function bitsLen(n: number): number {
  return n <= 0 ? 0 : Math.floor(Math.log2(n)) + 1;
}

/** pdqsort_func: data[a:b], falling back to heapsort after `limit` bad pivots. */
function* pdqsort(d: Data, a: number, b: number, limit: number): Go {
  const maxInsertion = 12;
  let wasBalanced = true;
  let wasPartitioned = true;
  for (;;) {
    yield* flush(d);
    const length = b - a;
    if (length <= maxInsertion) return yield* insertionSort(d, a, b);
    if (limit === 0) return yield* heapSort(d, a, b);
    if (!wasBalanced) {
      yield* breakPatterns(d, a, b);
      limit--;
    }
    let [pivot, hint] = yield* choosePivot(d, a, b);
    if (hint === decreasingHint) {
      yield* reverseRange(d, a, b);
      pivot = b - 1 - (pivot - a);
      hint = increasingHint;
    }
    if (wasBalanced && wasPartitioned && hint === increasingHint && (yield* partialInsertionSort(d, a, b))) return;
    if (a > 0 && !(yield* d.less(a - 1, pivot))) {
      a = yield* partitionEqual(d, a, b, pivot);
      continue;
    }
    const [mid, alreadyPartitioned] = yield* partition(d, a, b, pivot);
    wasPartitioned = alreadyPartitioned;
    const leftLen = mid - a;
    const rightLen = b - mid;
    const balanceThreshold = Math.trunc(length / 8);
    if (leftLen < rightLen) {
      wasBalanced = leftLen >= balanceThreshold;
      yield* pdqsort(d, a, mid, limit);
      a = mid + 1;
    } else {
      wasBalanced = rightLen >= balanceThreshold;
      yield* pdqsort(d, mid + 1, b, limit);
      b = mid;
    }
  }
}

/** partition_func: one quicksort partition around data[pivot]; [newpivot, alreadyPartitioned]. */
function* partition(d: Data, a: number, b: number, pivot: number): Go<[number, boolean]> {
  yield* d.swap(a, pivot);
  let i = a + 1;
  let j = b - 1;
  while (i <= j && (yield* d.less(i, a))) i++;
  while (i <= j && !(yield* d.less(j, a))) j--;
  if (i > j) {
    yield* d.swap(j, a);
    return [j, true];
  }
  yield* d.swap(i, j);
  i++;
  j--;
  for (;;) {
    while (i <= j && (yield* d.less(i, a))) i++;
    while (i <= j && !(yield* d.less(j, a))) j--;
    if (i > j) break;
    yield* d.swap(i, j);
    i++;
    j--;
  }
  yield* d.swap(j, a);
  return [j, false];
}

/** partitionEqual_func: elements equal to data[pivot], then the greater ones; returns the boundary. */
function* partitionEqual(d: Data, a: number, b: number, pivot: number): Go<number> {
  yield* d.swap(a, pivot);
  let i = a + 1;
  let j = b - 1;
  for (;;) {
    while (i <= j && !(yield* d.less(a, i))) i++;
    while (i <= j && (yield* d.less(a, j))) j--;
    if (i > j) break;
    yield* d.swap(i, j);
    i++;
    j--;
  }
  return i;
}

/** partialInsertionSort_func: true when data[a:b] ends sorted after at most 5 shifted pairs. */
function* partialInsertionSort(d: Data, a: number, b: number): Go<boolean> {
  const maxSteps = 5;
  const shortestShifting = 50;
  let i = a + 1;
  for (let step = 0; step < maxSteps; step++) {
    while (i < b && !(yield* d.less(i, i - 1))) i++;
    if (i === b) return true;
    if (b - a < shortestShifting) return false;
    yield* d.swap(i, i - 1);
    if (i - a >= 2) {
      for (let j = i - 1; j >= 1; j--) {
        if (!(yield* d.less(j, j - 1))) break;
        yield* d.swap(j, j - 1);
      }
    }
    if (b - i >= 2) {
      for (let j = i + 1; j < b; j++) {
        if (!(yield* d.less(j, j - 1))) break;
        yield* d.swap(j, j - 1);
      }
    }
  }
  return false;
}

const mask64 = (1n << 64n) - 1n;

/**
 * The shifts of sort.go's xorshift (type xorshift uint64; Next): go1.19.8 `<<13, >>17, <<5`, go1.26.8
 * `<<13, >>7, <<17` (the 64-bit triple). They decide where breakPatterns swaps, so the final order of
 * equal elements after a bad pivot differs between the releases (gotests/sort_order.go: Slice of 100
 * records with 4 keys, both recorded).
 */
const xorshiftShifts: Readonly<Record<GoRelease, readonly [bigint, bigint, bigint]>> = Object.freeze({
  '1.19': [13n, 17n, 5n] as const,
  '1.26': [13n, 7n, 17n] as const,
});

/** breakPatterns_func: three swaps around the middle, at places drawn from sort.go's xorshift seeded with the length. */
function* breakPatterns(d: Data, a: number, b: number): Go {
  const length = b - a;
  if (length < 8) return;
  let r = BigInt(length); // xorshift(length): a uint64
  const modulus = 2 ** bitsLen(length); // nextPowerOfTwo
  const mid = a + Math.trunc(length / 4) * 2;
  const [s1, s2, s3] = d.shifts;
  for (let idx = mid - 1; idx <= mid + 1; idx++) {
    r ^= (r << s1) & mask64;
    r ^= r >> s2;
    r ^= (r << s3) & mask64;
    let other = Number(r & BigInt(modulus - 1));
    if (other >= length) other -= length;
    yield* d.swap(idx, a + other);
  }
}

/** choosePivot_func: a static pivot under 8, the median of three under 50, Tukey's ninther above; with the order hint. */
function* choosePivot(d: Data, a: number, b: number): Go<[number, number]> {
  const shortestNinther = 50;
  const maxSwaps = 4 * 3;
  const l = b - a;
  const sw = { n: 0 };
  const q = Math.trunc(l / 4);
  let i = a + q;
  let j = a + q * 2;
  let k = a + q * 3;
  if (l >= 8) {
    if (l >= shortestNinther) {
      i = yield* median(d, i - 1, i, i + 1, sw);
      j = yield* median(d, j - 1, j, j + 1, sw);
      k = yield* median(d, k - 1, k, k + 1, sw);
    }
    j = yield* median(d, i, j, k, sw);
  }
  return [j, sw.n === 0 ? increasingHint : sw.n === maxSwaps ? decreasingHint : unknownHint];
}

/** median_func (with order2_func): the index of the median of data[a], data[b], data[c], counting swaps. */
function* median(d: Data, a: number, b: number, c: number, sw: { n: number }): Go<number> {
  if (yield* d.less(b, a)) {
    sw.n++;
    [a, b] = [b, a];
  }
  if (yield* d.less(c, b)) {
    sw.n++;
    [b, c] = [c, b];
  }
  if (yield* d.less(b, a)) {
    sw.n++;
    [a, b] = [b, a];
  }
  return b;
}

function* reverseRange(d: Data, a: number, b: number): Go {
  for (let i = a, j = b - 1; i < j; i++, j--) yield* d.swap(i, j);
}

// ---- stable sort (stable_func, symMerge_func, rotate_func)

function* stable(d: Data, n: number): Go {
  let blockSize = 20;
  let a = 0;
  let b = blockSize;
  while (b <= n) {
    yield* insertionSort(d, a, b);
    yield* flush(d);
    a = b;
    b += blockSize;
  }
  yield* insertionSort(d, a, n);
  while (blockSize < n) {
    a = 0;
    b = 2 * blockSize;
    while (b <= n) {
      yield* flush(d);
      yield* symMerge(d, a, a + blockSize, b);
      a = b;
      b += 2 * blockSize;
    }
    const m = a + blockSize;
    if (m < n) yield* symMerge(d, a, m, n);
    blockSize *= 2;
  }
}

/** symMerge_func: merge the sorted data[a:m] and data[m:b] in place (Kim & Kutzner's SymMerge). */
function* symMerge(d: Data, a: number, m: number, b: number): Go {
  if (m - a === 1) {
    let i = m;
    let j = b;
    while (i < j) {
      const h = (i + j) >>> 1;
      if (yield* d.less(h, a)) i = h + 1;
      else j = h;
    }
    for (let k = a; k < i - 1; k++) yield* d.swap(k, k + 1);
    return;
  }
  if (b - m === 1) {
    let i = a;
    let j = m;
    while (i < j) {
      const h = (i + j) >>> 1;
      if (!(yield* d.less(m, h))) i = h + 1;
      else j = h;
    }
    for (let k = m; k > i; k--) yield* d.swap(k, k - 1);
    return;
  }
  const mid = (a + b) >>> 1;
  const n = mid + m;
  let start: number;
  let r: number;
  if (m > mid) {
    start = n - b;
    r = mid;
  } else {
    start = a;
    r = m;
  }
  const p = n - 1;
  while (start < r) {
    const c = (start + r) >>> 1;
    if (!(yield* d.less(p - c, c))) start = c + 1;
    else r = c;
  }
  const end = n - start;
  if (start < m && m < end) yield* rotate(d, start, m, end);
  if (a < start && start < mid) yield* symMerge(d, a, start, mid);
  if (mid < end && end < b) yield* symMerge(d, mid, end, b);
}

function* swapRange(d: Data, a: number, b: number, n: number): Go {
  for (let i = 0; i < n; i++) yield* d.swap(a + i, b + i);
}

/** rotate_func: data[a:m] data[m:b] → data[m:b] data[a:m] by block swaps. */
function* rotate(d: Data, a: number, m: number, b: number): Go {
  let i = m - a;
  let j = b - m;
  while (i !== j) {
    if (i > j) {
      yield* swapRange(d, m - i, m, j);
      i -= j;
    } else {
      yield* swapRange(d, m - i, m + j - i, i);
      j -= i;
    }
  }
  yield* swapRange(d, m - i, m, i);
}

function* isSorted(d: Data, n: number): Go<boolean> {
  for (let i = n - 1; i > 0; i--) if (yield* d.less(i, i - 1)) return false;
  return true;
}

// ---- the package's entry points; each returns the ns of CPU the sort's own work took (the call site charges it)

const intLess = (x: unknown, y: unknown): boolean => (x as number) < (y as number);
const stringLess = (x: unknown, y: unknown): boolean => (x as string) < (y as string);
/** Float64Slice.Less / cmpLess: x < y, NaNs first. */
const floatLess = (x: unknown, y: unknown): boolean => (x as number) < (y as number) || ((x as number) !== (x as number) && (y as number) === (y as number));

function* sortOrdered(s: GoSlice | null, lt: (x: unknown, y: unknown) => boolean, nsPerCmp: number, rel: GoRelease): Go<number> {
  if (s === null || s.n < 2) return 0;
  const d = new Ordered(s, lt);
  d.shifts = xorshiftShifts[rel];
  d.nsPerCmp = nsPerCmp;
  yield* pdqsort(d, 0, s.n, bitsLen(s.n));
  return rest(d);
}
export const Ints = (s: GoSlice | null, ns: number, rel: GoRelease): Go<number> => sortOrdered(s, intLess, ns, rel);
export const Strings = (s: GoSlice | null, ns: number, rel: GoRelease): Go<number> => sortOrdered(s, stringLess, ns, rel);
export const Float64s = (s: GoSlice | null, ns: number, rel: GoRelease): Go<number> => sortOrdered(s, floatLess, ns, rel);

function orderedSorted(s: GoSlice | null, lt: (x: unknown, y: unknown) => boolean): boolean {
  if (s === null) return true;
  for (let i = s.n - 1; i > 0; i--) if (lt(s.a[s.o + i], s.a[s.o + i - 1])) return false;
  return true;
}
export const IntsAreSorted = (s: GoSlice | null): boolean => orderedSorted(s, intLess);
export const StringsAreSorted = (s: GoSlice | null): boolean => orderedSorted(s, stringLess);
export const Float64sAreSorted = (s: GoSlice | null): boolean => orderedSorted(s, floatLess);

/** The slice inside sort.Slice's `x any`: reflectlite.Swapper(x) panics on anything else (its ValueError text). */
function sliceArg(x: Iface | null): GoSlice | null {
  if (x === null) throw plainPanic('reflect: call of Swapper on zero Value');
  const u = underlying(x.t);
  if (u.k !== 'slice') throw plainPanic(`reflect: call of Swapper on ${u.k === 'basic' ? u.name : u.k} Value`);
  return x.v as GoSlice | null;
}

/** sort.Slice(x, less): pdqsort_func through the program's less. */
export function* Slice(x: Iface | null, less: (i: number, j: number) => Go<unknown>, nsPerCmp: number, rel: GoRelease): Go<number> {
  const s = sliceArg(x);
  if (s === null || s.n < 2) return 0;
  const d = new Funcs(s, less);
  d.shifts = xorshiftShifts[rel];
  d.nsPerCmp = nsPerCmp;
  yield* pdqsort(d, 0, s.n, bitsLen(s.n));
  return rest(d);
}
/** sort.SliceStable(x, less): stable_func through the program's less. */
export function* SliceStable(x: Iface | null, less: (i: number, j: number) => Go<unknown>, nsPerCmp: number): Go<number> {
  const s = sliceArg(x);
  if (s === null) return 0;
  const d = new Funcs(s, less);
  d.nsPerCmp = nsPerCmp;
  yield* stable(d, s.n);
  return rest(d);
}
/** sort.SliceIsSorted(x, less). */
export function* SliceIsSorted(x: Iface | null, less: (i: number, j: number) => Go<unknown>): Go<boolean> {
  const s = sliceArg(x);
  if (s === null) return true;
  return yield* isSorted(new Funcs(s, less), s.n);
}

/** The ordered comparison of IntSlice/StringSlice/Float64Slice, whose Sort needs no method calls. */
function orderedOf(data: Iface): ((x: unknown, y: unknown) => boolean) | null {
  return data.t === tIntSlice ? intLess : data.t === tStringSlice ? stringLess : data.t === tFloat64Slice ? floatLess : null;
}

/** sort.Sort(data): pdqsort through data's Len/Less/Swap (directly on the slice for IntSlice, StringSlice, Float64Slice). */
export function* Sort(data: Iface | null, nsPerCmp: number, nsPerOrderedCmp: number, rel: GoRelease): Go<number> {
  if (data === null) nilDeref();
  const lt = orderedOf(data);
  if (lt !== null) return yield* sortOrdered(data.v as GoSlice | null, lt, nsPerOrderedCmp, rel);
  const d = new Methods(data);
  d.shifts = xorshiftShifts[rel];
  d.nsPerCmp = nsPerCmp;
  const n = (yield* d.len()) as number;
  if (n <= 1) return 0;
  yield* pdqsort(d, 0, n, bitsLen(n));
  return rest(d);
}
/** sort.Stable(data): insertion-sorted blocks of 20, then SymMerge. */
export function* Stable(data: Iface | null, nsPerCmp: number): Go<number> {
  if (data === null) nilDeref();
  const d = new Methods(data);
  d.nsPerCmp = nsPerCmp;
  yield* stable(d, (yield* d.len()) as number);
  return rest(d);
}
/** sort.IsSorted(data). */
export function* IsSorted(data: Iface | null): Go<boolean> {
  if (data === null) nilDeref();
  const d = new Methods(data);
  return yield* isSorted(d, (yield* d.len()) as number);
}

/** sort.Reverse's *reverse: the embedded Interface with Less's operands exchanged. */
export class Reversed {
  constructor(readonly inner: Iface) {}
  private get m(): Record<string, Method> {
    return (this.inner.t as unknown as { $m: Record<string, Method> }).$m;
  }
  *Len(): Go<unknown> {
    return yield* this.m.Len!(this.inner.v);
  }
  *Less(i: number, j: number): Go<unknown> {
    return yield* this.m.Less!(this.inner.v, j, i);
  }
  *Swap(i: number, j: number): Go<unknown> {
    return yield* this.m.Swap!(this.inner.v, i, j);
  }
}
export function Reverse(data: Iface | null): Iface {
  // Go stores data in the struct; a nil Interface panics only when a method is called
  return { t: tReversePtr, v: new Reversed(data as Iface) };
}

/** sort.Search(n, f): the smallest i in [0, n) with f(i) true (n if none), by binary search as sort.go. */
export function* Search(n: number, f: (i: number) => Go<unknown>): Go<number> {
  let i = 0;
  let j = n;
  while (i < j) {
    const h = Math.floor((i + j) / 2);
    if (!(yield* f(h))) i = h + 1;
    else j = h;
  }
  return i;
}
/** sort.Find(n, cmp): the smallest i with cmp(i) <= 0, and whether cmp(i) == 0 there. */
export function* Find(n: number, cmp: (i: number) => Go<unknown>): Go<[number, boolean]> {
  let i = 0;
  let j = n;
  while (i < j) {
    const h = Math.floor((i + j) / 2);
    if (((yield* cmp(h)) as number) > 0) i = h + 1;
    else j = h;
  }
  return [i, i < n && ((yield* cmp(i)) as number) === 0];
}
/** SearchInts/SearchStrings/SearchFloat64s: the index to insert x at in the sorted slice. */
export function searchOrdered(s: GoSlice | null, x: unknown, lt: (x: unknown, y: unknown) => boolean): number {
  const n = s === null ? 0 : s.n;
  let i = 0;
  let j = n;
  while (i < j) {
    const h = Math.floor((i + j) / 2);
    if (lt(s!.a[s!.o + h], x)) i = h + 1;
    else j = h;
  }
  return i;
}
export const searchLess = { int: intLess, string: stringLess, float: floatLess };

/** IntSlice.Less & co.: an index out of the slice panics as Go's indexing does. */
function at(s: GoSlice | null, i: number): unknown {
  const n = s === null ? 0 : s.n;
  if (i < 0 || i >= n) oob(i, n);
  return s!.a[s!.o + i];
}
export function sliceLess(s: GoSlice | null, i: number, j: number, lt: (x: unknown, y: unknown) => boolean): boolean {
  return lt(at(s, i), at(s, j));
}
export function sliceSwap(s: GoSlice | null, i: number, j: number): void {
  at(s, i);
  at(s, j);
  swapElems(s!, i, j);
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

/** IntSlice, StringSlice, Float64Slice: []T with the methods of sort.Interface, Sort and Search. */
function orderedSliceType(name: string, elem: Type, lt: 'int' | 'string' | 'float'): NamedType {
  const t = newNamed(name, 'sort', sl(elem));
  jsMethod(t, 'Len', fn([], [tInt]), '((s) => (s === null ? 0 : s.n))');
  jsMethod(t, 'Less', fn([tInt, tInt], [tBool]), `((s, i, j) => $P.sort.sliceLess(s, i, j, $P.sort.searchLess.${lt}))`);
  jsMethod(t, 'Swap', fn([tInt, tInt]), '((s, i, j) => $P.sort.sliceSwap(s, i, j))');
  jsMethod(t, 'Search', fn([elem], [tInt]), `((s, x) => $P.sort.searchOrdered(s, x, $P.sort.searchLess.${lt}))`);
  return t;
}
export const tIntSlice = orderedSliceType('IntSlice', tInt, 'int');
export const tStringSlice = orderedSliceType('StringSlice', tString, 'string');
export const tFloat64Slice = orderedSliceType('Float64Slice', tFloat64, 'float');
/** sort's unexported `reverse` struct, used through *reverse. */
export const tReverse = newNamed('reverse', 'sort', { k: 'struct', fields: [] }, '$P.sort.Reversed');
method(tReverse, 'Len', fn([], [tInt]), true);
method(tReverse, 'Less', fn([tInt, tInt], [tBool]), true);
method(tReverse, 'Swap', fn([tInt, tInt]), true);
export const tReversePtr = globalTypes.intern(ptr(tReverse));

// Call sites add what the sort's own work cost to the goroutine's CPU: `$S.c += ns` (src/golang/cost.ts sortCmp, sortFuncCmp).
const charged = (call: string): string => `void ($S.c += (yield* ${call}))`;
/** The release whose sort.go the call runs (xorshiftShifts). */
const rel = (c: Compiler): string => JSON.stringify(c.release);
pkg('sort', {
  Ints: F(fn([sl(tInt)]), (a, c) => charged(`$P.sort.Ints(${a[0]}, ${c.cpu.sortCmp}, ${rel(c)})`)),
  Strings: F(fn([sl(tString)]), (a, c) => charged(`$P.sort.Strings(${a[0]}, ${c.cpu.sortStringCmp}, ${rel(c)})`)),
  Float64s: F(fn([sl(tFloat64)]), (a, c) => charged(`$P.sort.Float64s(${a[0]}, ${c.cpu.sortCmp}, ${rel(c)})`)),
  IntsAreSorted: F(fn([sl(tInt)], [tBool]), (a) => `$P.sort.IntsAreSorted(${a[0]})`),
  StringsAreSorted: F(fn([sl(tString)], [tBool]), (a) => `$P.sort.StringsAreSorted(${a[0]})`),
  Float64sAreSorted: F(fn([sl(tFloat64)], [tBool]), (a) => `$P.sort.Float64sAreSorted(${a[0]})`),
  Slice: F(fn([tAny, less]), (a, c) => charged(`$P.sort.Slice(${a[0]}, ${a[1]}, ${c.cpu.sortFuncCmp}, ${rel(c)})`)),
  SliceStable: F(fn([tAny, less]), (a, c) => charged(`$P.sort.SliceStable(${a[0]}, ${a[1]}, ${c.cpu.sortFuncCmp})`)),
  SliceIsSorted: F(fn([tAny, less], [tBool]), (a) => `(yield* $P.sort.SliceIsSorted(${a[0]}, ${a[1]}))`),
  Interface: T(tInterface),
  IntSlice: T(tIntSlice),
  StringSlice: T(tStringSlice),
  Float64Slice: T(tFloat64Slice),
  Sort: F(fn([tInterface]), (a, c) => charged(`$P.sort.Sort(${a[0]}, ${c.cpu.sortFuncCmp}, ${c.cpu.sortCmp}, ${rel(c)})`)),
  Stable: F(fn([tInterface]), (a, c) => charged(`$P.sort.Stable(${a[0]}, ${c.cpu.sortFuncCmp})`)),
  IsSorted: F(fn([tInterface], [tBool]), (a) => `(yield* $P.sort.IsSorted(${a[0]}))`),
  Reverse: F(fn([tInterface], [tInterface]), (a) => `$P.sort.Reverse(${a[0]})`),
  Search: F(fn([tInt, fn([tInt], [tBool])], [tInt]), (a) => `(yield* $P.sort.Search(${a[0]}, ${a[1]}))`),
  Find: F(fn([tInt, fn([tInt], [tInt])], [tInt, tBool]), (a) => `(yield* $P.sort.Find(${a[0]}, ${a[1]}))`),
  SearchInts: F(fn([sl(tInt), tInt], [tInt]), (a) => `$P.sort.searchOrdered(${a[0]}, ${a[1]}, $P.sort.searchLess.int)`),
  SearchStrings: F(fn([sl(tString), tString], [tInt]), (a) => `$P.sort.searchOrdered(${a[0]}, ${a[1]}, $P.sort.searchLess.string)`),
  SearchFloat64s: F(fn([sl(tFloat64), tFloat64], [tInt]), (a) => `$P.sort.searchOrdered(${a[0]}, ${a[1]}, $P.sort.searchLess.float)`),
  $unsupported: subset(),
});
