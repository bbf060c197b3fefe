/**
 * Package math/rand: the global source's functions (Intn, Int63, Float64, Perm, Shuffle, Seed). The
 * global source is run state (Process.rand), so every run starts from the same seed, as Go 1.19's
 * global source does (seeded with 1).
 *
 * Simplified: the generator is xorshift32, not Go's additive lagged Fibonacci source, so the
 * sequence differs from Go's (programs whose output depends on the values cannot match: Go's
 * source is a table of 607 precomputed values, which gmpsim does not copy). rand.New(rand.NewSource(s))
 * makes an own generator of the same kind seeded with s: deterministic per seed, not Go's numbers.
 */
import type { Op } from '../../workload/ops.js';
import { tFloat64, tInt, tInt32, tInt64 } from '../types.js';
import { pkg, F, T, fn, sl, ptr, subset, tUint32, native, method } from './registry.js';
import { GoPanic } from '../rt/panics.js';
import { type Slice, sliceLit } from '../rt/slices.js';
import type { Int64 } from '../rt/integers.js';

type Go<T = void> = Generator<Op, T, unknown>;

/**
 * A source of pseudo-random numbers with *rand.Rand's methods: the Process's global source, and each
 * rand.New(rand.NewSource(seed)) of the program (rand.Source is the same generator; rand.New
 * continues it).
 */
export class Rand {
  s = 1;
  constructor(seed = 1) {
    this.Seed(seed);
  }
  Seed(v: Int64): void {
    // an int64 seed beyond 2^53 (time.Now().UnixNano()) is a bigint (rt/integers.ts): its low 32 bits
    this.s = (typeof v === 'bigint' ? Number(BigInt.asUintN(32, v)) : v >>> 0) || 1;
  }
  /** The next 32 bits (Uint32). */
  Uint32(): number {
    let x = this.s;
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    this.s = x;
    return x;
  }
  Intn(n: Int64): number {
    if (n <= 0) throw new GoPanic(null, 'invalid argument to Intn');
    return typeof n === 'number' ? this.Uint32() % n : this.Uint32();
  }
  Int31n(n: number): number {
    return this.Intn(n);
  }
  Int63n(n: Int64): number {
    return this.Intn(n);
  }
  Int63(): number {
    return this.Uint32() * 2097152 + (this.Uint32() >>> 11);
  }
  Int(): number {
    return this.Int63();
  }
  Float64(): number {
    return this.Uint32() / 4294967296;
  }
  Perm(n: number): Slice {
    const a = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = this.Intn(i + 1);
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return sliceLit(a);
  }
  /** Shuffle(n, swap): Fisher–Yates through the program's swap function. */
  *Shuffle(n: number, swap: (i: number, j: number) => Go<unknown>): Go {
    for (let i = n - 1; i > 0; i--) yield* swap(i, this.Intn(i + 1));
  }
}
/** rand.New(src): a generator continuing src's state (src is NewSource's Rand). */
export function New(src: Rand | null): Rand {
  return new Rand(src === null ? 1 : src.s);
}
const tRand = native('Rand', 'rand', '$P.math_rand.Rand');
for (const [m, sig] of [
  ['Intn', fn([tInt], [tInt])],
  ['Int', fn([], [tInt])],
  ['Int63', fn([], [tInt64])],
  ['Int31n', fn([tInt32], [tInt32])],
  ['Int63n', fn([tInt64], [tInt64])],
  ['Float64', fn([], [tFloat64])],
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
  Int31n: F(fn([tInt32], [tInt32]), (a) => `$proc.rand.Intn(${a[0]})`),
  Int63n: F(fn([tInt64], [tInt64]), (a) => `$proc.rand.Intn(${a[0]})`),
  Float64: F(fn([], [tFloat64]), () => `$proc.rand.Float64()`),
  Uint32: F(fn([], [tUint32]), () => `$proc.rand.Uint32()`),
  Int31: F(fn([], [tInt32]), () => `($proc.rand.Uint32() >>> 1)`),
  Seed: F(fn([tInt64]), (a) => `$proc.rand.Seed(${a[0]})`),
  Shuffle: F(fn([tInt, fn([tInt, tInt])], []), (a) => `(yield* $proc.rand.Shuffle(${a[0]}, ${a[1]}))`),
  Perm: F(fn([tInt], [sl(tInt)]), (a) => `$proc.rand.Perm(${a[0]})`),
  Rand: T(tRand),
  NewSource: F(fn([tInt64], [ptr(tSource)]), (a) => `new $P.math_rand.Rand(${a[0]})`),
  New: F(fn([ptr(tSource)], [ptr(tRand)]), (a) => `$P.math_rand.New(${a[0]})`),
  $unsupported: subset(),
});
