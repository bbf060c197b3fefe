/**
 * Package math/rand: the global source's functions (Intn, Int63, Float64, Perm, Shuffle, Seed). The
 * global source is run state (Process.rand), so every run starts from the same seed, as Go 1.19's
 * global source does (seeded with 1).
 *
 * Simplified: the generator is xorshift32, not Go's additive lagged Fibonacci source, so the
 * sequence differs from Go's (programs whose output depends on the values cannot match); no
 * rand.New / rand.Source.
 */
import type { Op } from '../../workload/ops.js';
import { tFloat64, tInt, tInt32, tInt64 } from '../types.js';
import { pkg, F, fn, sl, subset, tUint32 } from './registry.js';
import { GoPanic } from '../rt/panics.js';
import { type Slice, sliceLit } from '../rt/slices.js';

type Go<T = void> = Generator<Op, T, unknown>;

/** A source of pseudo-random numbers (one per Process). */
export class Rand {
  s = 1;
  seed(v: number): void {
    this.s = (v >>> 0) || 1;
  }
  next(): number {
    let x = this.s;
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    this.s = x;
    return x;
  }
  intn(n: number): number {
    if (n <= 0) throw new GoPanic(null, 'invalid argument to Intn');
    return this.next() % n;
  }
  int63(): number {
    return this.next() * 2097152 + (this.next() >>> 11);
  }
  float64(): number {
    return this.next() / 4294967296;
  }
  perm(n: number): Slice {
    const a = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = this.intn(i + 1);
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return sliceLit(a);
  }
}
/** rand.Shuffle(n, swap): Fisher–Yates through the program's swap function. */
export function* Shuffle(p: { rand: Rand }, n: number, swap: (i: number, j: number) => Go<unknown>): Go {
  for (let i = n - 1; i > 0; i--) yield* swap(i, p.rand.intn(i + 1));
}

pkg('math/rand', {
  Intn: F(fn([tInt], [tInt]), (a) => `$proc.rand.intn(${a[0]})`),
  Int: F(fn([], [tInt]), () => `$proc.rand.int63()`),
  Int63: F(fn([], [tInt64]), () => `$proc.rand.int63()`),
  Int31n: F(fn([tInt32], [tInt32]), (a) => `$proc.rand.intn(${a[0]})`),
  Int63n: F(fn([tInt64], [tInt64]), (a) => `$proc.rand.intn(${a[0]})`),
  Float64: F(fn([], [tFloat64]), () => `$proc.rand.float64()`),
  Uint32: F(fn([], [tUint32]), () => `$proc.rand.next()`),
  Int31: F(fn([], [tInt32]), () => `($proc.rand.next() >>> 1)`),
  Seed: F(fn([tInt64]), (a) => `$proc.rand.seed(${a[0]})`),
  Shuffle: F(fn([tInt, fn([tInt, tInt])], []), (a) => `(yield* $P.math_rand.Shuffle($proc, ${a[0]}, ${a[1]}))`),
  Perm: F(fn([tInt], [sl(tInt)]), (a) => `$proc.rand.perm(${a[0]})`),
  $unsupported: subset(),
});
