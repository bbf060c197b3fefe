/**
 * The seeded generator behind every random choice of the simulated runtime (Go's `fastrand` uses:
 * steal order, select case order, mutex spin decisions).
 *
 * xoshiro128** seeded through splitmix32: small state, 32-bit integer arithmetic only (fast in every
 * JS engine), and good statistical quality for scheduling decisions. No other randomness is allowed
 * in the engine: same seed → same run, byte for byte.
 */
/**
 * A seed for a second, independent generator of the same run: `seed` with its low 32 bits xor-ed with
 * `salt` (its high bits kept: seeds are 53-bit). A generator of its own keeps the draws of the run's
 * main generator the same whether or not the other one draws.
 */
export function saltedSeed(seed: number, salt: number): number {
  return Math.floor(seed / 4294967296) * 4294967296 + (((seed >>> 0) ^ salt) >>> 0);
}

export class Rand {
  /**
   * The four state words (a, b, c, d) in a typed array: as object fields, values beyond V8's small
   * integers (±2^30) are boxed, and every step of the generator allocated (≈0.5M boxes per
   * netpoll benchmark run, one per steal round).
   */
  private s = new Int32Array(4);

  /**
   * `seed`: any non-negative safe integer (up to 2^53 − 1). The low 32 bits seed splitmix32; the
   * high bits, when there are any, are mixed into the state words, so seeds that differ only above
   * bit 31 give different runs (and seeds below 2^32 the same state as a 32-bit seed always did).
   */
  constructor(seed: number) {
    let s = seed >>> 0;
    const hi = Math.floor(seed / 4294967296) >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    const st = this.s;
    for (let i = 0; i < 4; i++) st[i] = next();
    if (hi !== 0) {
      let h = hi;
      for (let i = 0; i < 4; i++) {
        h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) + 0x297a2d39 * (i + 1);
        h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
        st[i] = st[i]! ^ (h ^ (h >>> 15));
      }
    }
    if ((st[0]! | st[1]! | st[2]! | st[3]!) === 0) st[0] = 1;
  }

  /** A uniformly distributed uint32 (Go: fastrand). */
  uint32(): number {
    const st = this.s;
    let a = st[0]!;
    let b = st[1]!;
    let c = st[2]!;
    let d = st[3]!;
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    st[0] = a;
    st[1] = b;
    st[2] = c;
    st[3] = d;
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
