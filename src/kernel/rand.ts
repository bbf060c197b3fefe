/**
 * The seeded generator behind every random choice of the simulated runtime (Go's `fastrand` uses:
 * steal order, select case order, mutex spin decisions).
 *
 * xoshiro128** seeded through splitmix32: small state, 32-bit integer arithmetic only (fast in every
 * JS engine), and good statistical quality for scheduling decisions. No other randomness is allowed
 * in the engine: same seed → same run, byte for byte.
 */
export class Rand {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  /** A uniformly distributed uint32 (Go: fastrand). */
  uint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Uniform in [0, n) (Go: fastrandn, multiply-shift reduction). */
  intn(n: number): number {
    return Math.floor((this.uint32() / 4294967296) * n);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
