/**
 * Untyped float constants exactly (spec, "Constant expressions": "Constant expressions are always
 * evaluated exactly"; go/constant keeps them as big.Rat, or big.Float of 512 bits for huge exponents).
 *
 * A float constant's ConstVal is its double (core.ts); an untyped one whose exact value is not that
 * double (the literal 0.1, math.Pi's 63 digits, math.Pi / 6) also carries `Val.exact`, a rational
 * n/d, and the operators fold untyped float constants on those rationals, rounding once at the end
 * as go/types does when the constant is used: `math.Pi / 6` is 0.5235987755982989, the double
 * nearest π/6, where dividing the double π by 6 gives 0.5235987755982988 (gopl.io's ch3/surface
 * prints sin(π/6)-scaled coordinates in 17 digits). A single operation on two doubles is already the
 * correctly rounded exact result (IEEE 754), so typed float64 constants need no rational.
 *
 * Simplified: rationals whose numerator or denominator grow past `maxBits` fall back to the doubles
 * (go/constant switches to 512-bit floats there); comparisons of untyped float constants compare
 * the doubles.
 */

/** An exact rational n/d, d > 0 (not necessarily in lowest terms). */
export interface Rat {
  n: bigint;
  d: bigint;
}

/** Beyond this many bits in n or d the rational is dropped (the doubles take over). */
const maxBits = 4096;

const bitLen = (x: bigint): number => (x === 0n ? 0 : x.toString(2).length);

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function norm(n: bigint, d: bigint): Rat | undefined {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  if (g > 1n) [n, d] = [n / g, d / g];
  return bitLen(n < 0n ? -n : n) > maxBits || bitLen(d) > maxBits ? undefined : { n, d };
}

/** The exact value of a double (its mantissa times a power of two). */
export function ratOfDouble(x: number): Rat | undefined {
  if (!Number.isFinite(x)) return undefined;
  if (Number.isInteger(x)) return { n: BigInt(x), d: 1n };
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, x);
  const bits = v.getBigUint64(0);
  const e = Number((bits >> 52n) & 0x7ffn);
  let m = bits & ((1n << 52n) - 1n);
  if (e !== 0) m |= 1n << 52n;
  const exp = (e === 0 ? 1 : e) - 1075;
  const n = x < 0 ? -m : m;
  return exp >= 0 ? { n: n << BigInt(exp), d: 1n } : norm(n, 1n << BigInt(-exp));
}

/** A constant's exact value: its rational when it has one, else its integer or double value. */
export function ratOf(cv: unknown, exact: Rat | undefined): Rat | undefined {
  if (exact) return exact;
  if (typeof cv === 'bigint') return { n: cv, d: 1n };
  if (typeof cv === 'number') return ratOfDouble(cv);
  return undefined;
}

/**
 * A Go float literal's exact value (decimal `1.5e-3`, hexadecimal `0x1.8p-2`; underscores already
 * removed), or undefined for a form it does not take apart.
 */
export function ratOfLiteral(s: string): Rat | undefined {
  let m = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s);
  if (m) {
    const frac = m[2] ?? '';
    const exp = Number(m[3] ?? '0') - frac.length;
    if (Math.abs(exp) > 1200) return undefined;
    const n = BigInt((m[1] ?? '') + frac || '0');
    return exp >= 0 ? norm(n * 10n ** BigInt(exp), 1n) : norm(n, 10n ** BigInt(-exp));
  }
  m = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/.exec(s);
  if (m) {
    const frac = m[2] ?? '';
    const exp = Number(m[3]) - 4 * frac.length;
    if (Math.abs(exp) > 4000) return undefined;
    const n = BigInt('0x' + ((m[1] ?? '') + frac || '0'));
    return exp >= 0 ? norm(n << BigInt(exp), 1n) : norm(n, 1n << BigInt(-exp));
  }
  return undefined;
}

/** a op b exactly for + - * / (b ≠ 0 for /), or undefined. */
export function ratBinary(op: string, a: Rat, b: Rat): Rat | undefined {
  switch (op) {
    case '+':
      return norm(a.n * b.d + b.n * a.d, a.d * b.d);
    case '-':
      return norm(a.n * b.d - b.n * a.d, a.d * b.d);
    case '*':
      return norm(a.n * b.n, a.d * b.d);
    case '/':
      return b.n === 0n ? undefined : norm(a.n * b.d, a.d * b.n);
    default:
      return undefined;
  }
}

/** The double nearest n/d (ties to even), as go/constant's Float64Val rounds; ±Inf beyond the range. */
export function ratToDouble(r: Rat): number {
  let { n } = r;
  const { d } = r;
  if (n === 0n) return 0;
  const neg = n < 0n;
  if (neg) n = -n;
  // a quotient of at least 55 bits: its top 53 (fewer for a subnormal) are the mantissa, the rest
  // and the remainder decide the rounding
  const e = bitLen(n) - bitLen(d) - 55;
  const num = e >= 0 ? n : n << BigInt(-e);
  const den = e >= 0 ? d << BigInt(e) : d;
  const q = num / den;
  const sticky = num % den !== 0n;
  const bits = bitLen(q);
  const top = bits - 1 + e; // q × 2^e's binary exponent
  let shift = bits - 53;
  if (top < -1022) shift += -1022 - top;
  if (shift > bits) return neg ? -0 : 0;
  const s = BigInt(shift);
  let m = q >> s;
  const rest = q & ((1n << s) - 1n);
  const half = 1n << (s - 1n);
  if (rest > half || (rest === half && (sticky || (m & 1n) === 1n))) m++;
  // m ≤ 2^53 is exact as a number; the power of two in two steps so neither factor underflows early
  const p = e + shift;
  const v = p >= -1000 ? Number(m) * 2 ** p : Number(m) * 2 ** -1000 * 2 ** (p + 1000);
  return neg ? -v : v;
}
