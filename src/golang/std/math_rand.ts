/**
 * Package math/rand: Go's generator bit for bit — rngSource (math/rand/rng.go), the additive lagged
 * Fibonacci generator over 607 64-bit words (x[n] = x[n−607] + x[n−273] mod 2^64), seeded through
 * the seedrand LCG XORed with rngCooked (math_rand_cooked.ts: recorded from real Go's outputs by
 * tools/rand-cooked.mjs), and *rand.Rand's derivations of it (rand.go: Int31 = Int63 >> 32, Uint32 =
 * Int63 >> 31, Int31n and Int63n by rejection, Intn, Float64 = Int63 / 2^63, Perm, Shuffle with
 * the multiply-shift int31n). The global source is run state (Process.rand) seeded with 1, as
 * go1.19's is, so a program's numbers are real Go's; rand.New(rand.NewSource(s)) is Go's sequence
 * for s on every release (math/rand's source did not change).
 *
 * Simplified: go1.20+ seeds the global source randomly (and since 1.24 ignores rand.Seed unless
 * GODEBUG=randseednop=0); gmpsim seeds it with 1 on every release, so runs stay deterministic (a
 * GOPATH-mode build of go1.26 — Go 1.16's GODEBUG defaults — behaves the same way). The 64-bit words
 * are kept as 32-bit halves (no BigInt on the hot path); Int63 results beyond 2^53 are BigInts
 * (rt/integers.ts). NormFloat64, ExpFloat64 and Read are not provided.
 */
import type { Op } from '../../workload/ops.js';
import { basic, tFloat64, tInt, tInt32, tInt64 } from '../types.js';
const tFloat32 = basic('float32');
import { pkg, F, T, fn, sl, ptr, subset, tUint32, native, method } from './registry.js';
import { GoPanic } from '../rt/panics.js';
import { type Slice, sliceLit } from '../rt/slices.js';
import type { Int64 } from '../rt/integers.js';
import { rngCookedHex } from './math_rand_cooked.js';

type Go<T = void> = Generator<Op, T, unknown>;

const rngLen = 607;
const rngTap = 273;
const int32max = 2147483647;
/** rngCooked as 32-bit halves (one table for every run: immutable). */
const cookedHi = new Uint32Array(rngLen);
const cookedLo = new Uint32Array(rngLen);
for (let i = 0; i < rngLen; i++) {
  const h = rngCookedHex[i]!;
  cookedHi[i] = parseInt(h.slice(2, 10), 16);
  cookedLo[i] = parseInt(h.slice(10, 18), 16);
}

/** seedrand (rng.go): x[n+1] = 48271 · x[n] mod (2^31 − 1), Schrage's method (tools/rand-cooked.mjs uses it too). */
export function seedrand(x: number): number {
  const hi = Math.trunc(x / 44488);
  const lo = x % 44488;
  let r = 48271 * lo - 3399 * hi;
  if (r < 0) r += int32max;
  return r;
}

/** An Int63 whose high half is at least 2^21 is at least 2^53: a BigInt (rt/integers.ts: int64 values beyond ±(2^53 − 1)). */
const safeHiLimit = 0x200000;

/**
 * A source of pseudo-random numbers with *rand.Rand's methods: the Process's global source, and each
 * rand.NewSource(seed) of the program (rand.New(src) uses src itself, so both advance one state).
 */
export class Rand {
  private readonly hi = new Uint32Array(rngLen);
  private readonly lo = new Uint32Array(rngLen);
  private tap = 0;
  private feed = rngLen - rngTap;
  constructor(seed: Int64 = 1) {
    this.Seed(seed);
  }
  /** rngSource.Seed. */
  Seed(v: Int64): void {
    this.tap = 0;
    this.feed = rngLen - rngTap;
    let seed = typeof v === 'bigint' ? Number(v % BigInt(int32max)) : v % int32max;
    if (seed < 0) seed += int32max;
    if (seed === 0) seed = 89482311;
    let x = seed;
    for (let i = -20; i < rngLen; i++) {
      x = seedrand(x);
      if (i >= 0) {
        // u = x<<40 ^ x'<<20 ^ x'' (int64), as halves
        let uhi = (x << 8) >>> 0;
        x = seedrand(x);
        uhi ^= x >>> 12;
        let ulo = (x << 20) >>> 0;
        x = seedrand(x);
        ulo ^= x;
        this.hi[i] = (uhi ^ cookedHi[i]!) >>> 0;
        this.lo[i] = (ulo ^ cookedLo[i]!) >>> 0;
      }
    }
  }
  /** rngSource.Uint64 as its halves: advances the state; the result is in (outHi, outLo). */
  private outHi = 0;
  private outLo = 0;
  private next(): void {
    if (--this.tap < 0) this.tap += rngLen;
    if (--this.feed < 0) this.feed += rngLen;
    const f = this.feed;
    const t = this.tap;
    const lo = this.lo[f]! + this.lo[t]!;
    const hi = (this.hi[f]! + this.hi[t]! + (lo > 0xffffffff ? 1 : 0)) >>> 0;
    this.hi[f] = hi;
    this.lo[f] = lo >>> 0;
    this.outHi = hi;
    this.outLo = lo >>> 0;
  }
  /** Int63: the 64-bit word with its top bit cleared. */
  Int63(): Int64 {
    this.next();
    const h = this.outHi & 0x7fffffff;
    return h < safeHiLimit ? h * 4294967296 + this.outLo : (BigInt(h) << 32n) | BigInt(this.outLo);
  }
  Int(): Int64 {
    return this.Int63();
  }
  /** Int31 = int32(Int63() >> 32). */
  Int31(): number {
    this.next();
    return this.outHi & 0x7fffffff;
  }
  /** Uint32 = uint32(Int63() >> 31). */
  Uint32(): number {
    this.next();
    return (((this.outHi & 0x7fffffff) << 1) | (this.outLo >>> 31)) >>> 0;
  }
  Int31n(n: number): number {
    if (n <= 0) throw new GoPanic(null, 'invalid argument to Int31n');
    if ((n & (n - 1)) === 0) return this.Int31() & (n - 1);
    const max = int32max - (2147483648 % n);
    let v = this.Int31();
    while (v > max) v = this.Int31();
    return v % n;
  }
  Int63n(n: Int64): Int64 {
    if (n <= 0) throw new GoPanic(null, 'invalid argument to Int63n');
    const b = BigInt(n);
    if ((b & (b - 1n)) === 0n) return norm(BigInt(this.Int63()) & (b - 1n));
    const max = (1n << 63n) - 1n - ((1n << 63n) % b);
    let v = BigInt(this.Int63());
    while (v > max) v = BigInt(this.Int63());
    return norm(v % b);
  }
  Intn(n: Int64): Int64 {
    if (n <= 0) throw new GoPanic(null, 'invalid argument to Intn');
    return typeof n === 'number' && n <= int32max ? this.Int31n(n) : this.Int63n(n);
  }
  /** Float64 = Int63() / 2^63, resampled when it rounds to 1. */
  Float64(): number {
    for (;;) {
      this.next();
      // (h · 2^32 + lo) is rounded once, as float64(int64) is
      const f = ((this.outHi & 0x7fffffff) * 4294967296 + this.outLo) / 9223372036854775808;
      if (f !== 1) return f;
    }
  }
  /** Float32 = float32(Float64()), resampled when it rounds to 1 (rand.go). */
  Float32(): number {
    for (;;) {
      const f = Math.fround(this.Float64());
      if (f !== 1) return f;
    }
  }
  /** int31n: Lemire's multiply-shift (rand.go), used by Shuffle: the 64-bit product v·n as its halves. */
  private int31n(n: number): number {
    let v = this.Uint32();
    let low = Math.imul(v, n) >>> 0;
    if (low < n) {
      const thresh = (4294967296 - n) % n;
      while (low < thresh) {
        v = this.Uint32();
        low = Math.imul(v, n) >>> 0;
      }
    }
    return mulHi32(v, n);
  }
  Perm(n: number): Slice {
    const m = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      const j = this.Intn(i + 1) as number;
      m[i] = m[j]!;
      m[j] = i;
    }
    return sliceLit(m);
  }
  /** Shuffle(n, swap): Fisher–Yates through the program's swap function, j from int31n. */
  *Shuffle(n: number, swap: (i: number, j: number) => Go<unknown>): Go {
    if (n < 0) throw new GoPanic(null, 'invalid argument to Shuffle');
    for (let i = n - 1; i > 0; i--) yield* swap(i, this.int31n(i + 1));
  }
}

/** The high 32 bits of the product of uint32 v and n < 2^31, exactly (partial products below 2^53). */
function mulHi32(v: number, n: number): number {
  const a = (v >>> 16) * n;
  const b = (v & 0xffff) * n;
  return Math.floor(a / 65536) + Math.floor(((a % 65536) * 65536 + b) / 4294967296);
}

/** An exact int64 as rt/integers.ts keeps it: a number within ±(2^53 − 1), else a BigInt. */
function norm(b: bigint): Int64 {
  return b <= 9007199254740991n && b >= -9007199254740991n ? Number(b) : b;
}

/** rand.New(src): a *Rand over src (the same state: Go's Rand calls its source). */
export function New(src: Rand | null): Rand {
  if (src === null) throw new GoPanic(null, 'invalid memory address or nil pointer dereference');
  return src;
}
const tRand = native('Rand', 'rand', '$P.math_rand.Rand');
for (const [m, sig] of [
  ['Intn', fn([tInt], [tInt])],
  ['Int', fn([], [tInt])],
  ['Int63', fn([], [tInt64])],
  ['Int31', fn([], [tInt32])],
  ['Int31n', fn([tInt32], [tInt32])],
  ['Int63n', fn([tInt64], [tInt64])],
  ['Float64', fn([], [tFloat64])],
  ['Float32', fn([], [tFloat32])],
  ['Uint32', fn([], [tUint32])],
  ['Perm', fn([tInt], [sl(tInt)])],
  ['Seed', fn([tInt64], [])],
] as const)
  method(tRand, m, sig, false);
method(tRand, 'Shuffle', fn([tInt, fn([tInt, tInt])], []), true);
/** rand.Source: an interface in Go; here the source NewSource returns, which only rand.New takes. */
const tSource = native('rngSource', 'rand', '$P.math_rand.Rand');
method(tSource, 'Int63', fn([], [tInt64]), false);
method(tSource, 'Seed', fn([tInt64], []), false);

pkg('math/rand', {
  Intn: F(fn([tInt], [tInt]), (a) => `$proc.rand.Intn(${a[0]})`),
  Int: F(fn([], [tInt]), () => `$proc.rand.Int63()`),
  Int63: F(fn([], [tInt64]), () => `$proc.rand.Int63()`),
  Int31n: F(fn([tInt32], [tInt32]), (a) => `$proc.rand.Int31n(${a[0]})`),
  Int63n: F(fn([tInt64], [tInt64]), (a) => `$proc.rand.Int63n(${a[0]})`),
  Float64: F(fn([], [tFloat64]), () => `$proc.rand.Float64()`),
  Float32: F(fn([], [tFloat32]), () => `$proc.rand.Float32()`),
  Uint32: F(fn([], [tUint32]), () => `$proc.rand.Uint32()`),
  Int31: F(fn([], [tInt32]), () => `$proc.rand.Int31()`),
  Seed: F(fn([tInt64]), (a) => `$proc.rand.Seed(${a[0]})`),
  Shuffle: F(fn([tInt, fn([tInt, tInt])], []), (a) => `(yield* $proc.rand.Shuffle(${a[0]}, ${a[1]}))`),
  Perm: F(fn([tInt], [sl(tInt)]), (a) => `$proc.rand.Perm(${a[0]})`),
  Rand: T(tRand),
  NewSource: F(fn([tInt64], [ptr(tSource)]), (a) => `new $P.math_rand.Rand(${a[0]})`),
  New: F(fn([ptr(tSource)], [ptr(tRand)]), (a) => `$P.math_rand.New(${a[0]})`),
  $unsupported: subset(),
});
