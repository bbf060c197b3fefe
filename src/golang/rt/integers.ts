/**
 * Integer arithmetic with Go's semantics: wrap-around to a sized integer kind, truncated division
 * and remainder with the divide-by-zero panic, bitwise operations and shifts.
 *
 * Representation of the 64-bit kinds (int, int64, uint, uint64, uintptr; issue 11): a Go value v
 * is a JS number while it is a safe integer (|v| ≤ 2^53 − 1) and a bigint beyond, always so
 * (canonical: one Go value has one JS value, so `===`, `<` — which compares a number with a bigint
 * by value — and Map keys need no conversion). Every operation whose result may leave the safe
 * range (+, −, ×, shifts, conversions) goes through a function here: the common case adds two
 * numbers and checks the result against ±(2^53 − 1), which also proves it exact (a sum or product
 * of integers that rounded is beyond 2^53); only a result beyond the safe range, or a bigint
 * operand, takes the exact path (BigInt.asIntN/asUintN(64, …), canonicalised back to a number when
 * it fits). The 32-bit and smaller kinds stay numbers wrapped by `|0`-style operators (wrap in
 * compiler/operand.ts).
 *
 * Cost, measured against the former inexact doubles (`w64(a + b)`), interleaved on the 2-core
 * machine: the frontend bench's loop (src/golang/bench.ts, `sum += i`, 20M iterations) 753 → 671 ms
 * (median of 7; within the noise), `x = add64(x, 1)` in a generator loop 124 vs 125 ms, Go's
 * test/divmod (4M checks of uint64/int64 division, most operands beyond 2^53: the BigInt path)
 * 100 s → 63 s (real Go: 1 s). bench/int64-repr.mjs measured the alternatives on the bench loop:
 * BigInt throughout ×1.8–3.1, a {hi, lo} pair of int32 halves ×2.2–2.8.
 */
import { rtPanic, divZero } from './panics.js';

/** A Go value of a 64-bit integer kind: a number while safe, a bigint beyond (see the note above). */
export type Int64 = number | bigint;

const MAXSAFE = 9007199254740991;
const BIGMAXSAFE = 9007199254740991n;
const TWO32 = 4294967296;

/** The canonical representation of an exact integer already in range. */
function canon(x: bigint): Int64 {
  return x >= -BIGMAXSAFE && x <= BIGMAXSAFE ? Number(x) : x;
}
function big(x: Int64): bigint {
  return typeof x === 'bigint' ? x : BigInt(x);
}
/**
 * Whether both operands are integers. A uintptr converted from an unsafe.Pointer holds the JS
 * reference itself (compiler/call.ts), which is no integer: arithmetic on it gives NaN, which
 * compares false with everything (`p1-p2 >= 5` in Go's test/slicecap.go holds for no reference).
 */
function ints(a: Int64, b: Int64): boolean {
  return (typeof a === 'bigint' || Number.isInteger(a)) && (typeof b === 'bigint' || Number.isInteger(b));
}

/** Wrap a number to an integer kind (the run-time form of a conversion by kind name). */
export function wrapInt(kind: string, x: number): Int64 {
  switch (kind) {
    case 'int8':
      return (x << 24) >> 24;
    case 'int16':
      return (x << 16) >> 16;
    case 'int32':
      return x | 0;
    case 'uint8':
      return x & 255;
    case 'uint16':
      return x & 65535;
    case 'uint32':
      return x >>> 0;
    case 'uint':
    case 'uint64':
    case 'uintptr':
      return wu64(x);
    default:
      return w64(x);
  }
}

/** int/int64: x (an integer number of any size, or a bigint) wrapped to int64, canonical. */
export function w64(x: Int64): Int64 {
  if (typeof x === 'number') {
    if (x >= -MAXSAFE && x <= MAXSAFE) return x;
    if (!Number.isInteger(x)) return x;
    return canon(BigInt.asIntN(64, BigInt(x)));
  }
  if (typeof x !== 'bigint') return x;
  return canon(BigInt.asIntN(64, x));
}
/** uint/uint64/uintptr: x wrapped to uint64, canonical. */
export function wu64(x: Int64): Int64 {
  if (typeof x === 'number') {
    if (x >= 0 && x <= MAXSAFE) return x;
    if (!Number.isInteger(x)) return x;
    return canon(BigInt.asUintN(64, BigInt(x)));
  }
  if (typeof x !== 'bigint') return x;
  return canon(BigInt.asUintN(64, x));
}

/** int64 +: the number path when both are numbers and the sum is safe (hence exact). */
export function add64(a: Int64, b: Int64): Int64 {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (r >= -MAXSAFE && r <= MAXSAFE) return r;
  }
  if (!ints(a, b)) return NaN;
  return canon(BigInt.asIntN(64, big(a) + big(b)));
}
export function addu64(a: Int64, b: Int64): Int64 {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (r >= 0 && r <= MAXSAFE) return r;
  }
  if (!ints(a, b)) return NaN;
  return canon(BigInt.asUintN(64, big(a) + big(b)));
}
export function sub64(a: Int64, b: Int64): Int64 {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (r >= -MAXSAFE && r <= MAXSAFE) return r;
  }
  if (!ints(a, b)) return NaN;
  return canon(BigInt.asIntN(64, big(a) - big(b)));
}
export function subu64(a: Int64, b: Int64): Int64 {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (r >= 0 && r <= MAXSAFE) return r;
  }
  if (!ints(a, b)) return NaN;
  return canon(BigInt.asUintN(64, big(a) - big(b)));
}
/** int64 ×: a product of integers within ±(2^53 − 1) is exact (one beyond 2^53 rounds to ≥ 2^53). */
export function mul64(a: Int64, b: Int64): Int64 {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (r >= -MAXSAFE && r <= MAXSAFE) return r + 0;
  }
  if (!ints(a, b)) return NaN;
  return canon(BigInt.asIntN(64, big(a) * big(b)));
}
export function mulu64(a: Int64, b: Int64): Int64 {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (r >= 0 && r <= MAXSAFE) return r + 0;
  }
  if (!ints(a, b)) return NaN;
  return canon(BigInt.asUintN(64, big(a) * big(b)));
}

/**
 * Truncated division of the 32-bit and smaller kinds (their wrap, applied by the caller, handles
 * int8(-128) / -1).
 */
export function idiv(a: number, b: number): number {
  if (b === 0) divZero();
  return Math.trunc(a / b);
}
export function imod(a: number, b: number): number {
  if (b === 0) divZero();
  const r = a % b;
  return r === 0 ? 0 : r;
}
/**
 * int64 /: truncated; the one quotient outside int64, math.MinInt64 / -1 = 2^63, wraps to
 * math.MinInt64 (the spec: "if the dividend x is the most negative value … q = x"). Math.trunc(a / b)
 * of two safe integers is exact.
 */
export function div64(a: Int64, b: Int64): Int64 {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) divZero();
    return Math.trunc(a / b) + 0;
  }
  if (b === 0) divZero();
  if (!ints(a, b)) return NaN;
  return canon(BigInt.asIntN(64, big(a) / big(b)));
}
export function divu64(a: Int64, b: Int64): Int64 {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) divZero();
    return Math.trunc(a / b);
  }
  if (b === 0) divZero();
  if (!ints(a, b)) return NaN;
  return canon(big(a) / big(b));
}
/** int64 %: the sign of the dividend (math.MinInt64 % -1 is 0). */
export function mod64(a: Int64, b: Int64): Int64 {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) divZero();
    return (a % b) + 0;
  }
  if (b === 0) divZero();
  if (!ints(a, b)) return NaN;
  return canon(big(a) % big(b));
}

/**
 * The bitwise operators on integers of any kind. A safe number splits exactly into a signed high
 * part (⌊x / 2^32⌋, |hi| < 2^21) and an unsigned low word, each operated on as int32: no bigint for
 * values within ±2^53. The result of two in-range operands is in range for every kind (two's
 * complement for the signed ones; both non-negative for the unsigned ones).
 */
function hi(x: number): number {
  return Math.floor(x / TWO32);
}
function small(a: number, b: number): boolean {
  return a >= -2147483648 && a <= 2147483647 && b >= -2147483648 && b <= 2147483647;
}
export function band(a: Int64, b: Int64): Int64 {
  if (typeof a === 'number' && typeof b === 'number') {
    if (small(a, b)) return a & b;
    return (hi(a) & hi(b)) * TWO32 + ((a & b) >>> 0);
  }
  if (!ints(a, b)) return NaN;
  return canon(big(a) & big(b));
}
export function bor(a: Int64, b: Int64): Int64 {
  if (typeof a === 'number' && typeof b === 'number') {
    if (small(a, b)) return a | b;
    return (hi(a) | hi(b)) * TWO32 + ((a | b) >>> 0);
  }
  if (!ints(a, b)) return NaN;
  return canon(big(a) | big(b));
}
export function bxor(a: Int64, b: Int64): Int64 {
  if (typeof a === 'number' && typeof b === 'number') {
    if (small(a, b)) return a ^ b;
    return (hi(a) ^ hi(b)) * TWO32 + ((a ^ b) >>> 0);
  }
  if (!ints(a, b)) return NaN;
  return canon(big(a) ^ big(b));
}
export function bandnot(a: Int64, b: Int64): Int64 {
  if (typeof a === 'number' && typeof b === 'number') {
    if (small(a, b)) return a & ~b;
    return (hi(a) & ~hi(b)) * TWO32 + ((a & ~b) >>> 0);
  }
  if (!ints(a, b)) return NaN;
  return canon(big(a) & ~big(b));
}
/** ^x before the kind's wrap (-x − 1; an unsigned kind's wrap makes it max − x). */
export function bnot(a: Int64): Int64 {
  return typeof a === 'number' ? -a - 1 : ~a;
}
/**
 * x << n before the kind's wrap: a number times a power of two is exact as a double (no bits are
 * added), so the wrap of a 64-bit kind (w64/wu64, through BigInt beyond 2^53) and the `|0`-style
 * wrap of the smaller kinds (ToInt32 is exact modulo 2^32 of any integral double) see the exact
 * product. The count may be of any integer kind, a bigint included.
 */
export function shl(a: Int64, b: Int64): Int64 {
  if (b < 0) throw rtPanic('negative shift amount');
  if (b >= 64) return 0;
  if (typeof a === 'bigint') return a << BigInt(b);
  return a * 2 ** (b as number);
}
/** x >> n: arithmetic (floor) for the signed kinds; an unsigned value is never negative. */
export function shr(a: Int64, b: Int64): Int64 {
  if (b < 0) throw rtPanic('negative shift amount');
  if (b >= 64) return a < 0 ? -1 : 0;
  if (typeof a === 'bigint') return canon(a >> BigInt(b));
  return Math.floor(a / 2 ** (b as number));
}

/**
 * Conversions. A 64-bit value to a 32-bit or smaller kind: its low 32 bits as a number (the
 * caller's `|0`-style wrap narrows further); to a float: the nearest double (Number(bigint) rounds
 * to nearest even, as CVTSQ2SD does).
 */
export function lo32(x: Int64): number {
  return typeof x === 'bigint' ? Number(BigInt.asIntN(32, x)) : x;
}
export function i2f(x: Int64): number {
  return typeof x === 'bigint' ? Number(x) : x;
}
const TWO63 = 9223372036854775808;
const MININT64 = -9223372036854775808n;
/**
 * float64 → int64: truncation; a NaN or a value outside int64 is the "integer indefinite" value
 * math.MinInt64 that amd64's CVTTSD2SQ returns (the spec leaves it implementation-defined).
 */
export function f2i64(f: number): Int64 {
  const t = Math.trunc(f);
  if (t >= -MAXSAFE && t <= MAXSAFE) return t + 0;
  if (!(t >= -TWO63 && t < TWO63)) return MININT64;
  return BigInt(t);
}
/**
 * float64 → uint64 as Go's amd64 code computes it (cmd/compile/internal/ssagen floatToUint, its
 * ConvertHash variant off by default): below 2^63 the int64 conversion (a negative value wraps);
 * otherwise, NaN included, the int64 conversion of f − 2^63 with the top bit or-ed in.
 */
export function f2u64(f: number): Int64 {
  if (f < TWO63) return wu64(f2i64(f));
  return wu64(BigInt.asUintN(64, big(f2i64(f - TWO63))) | 0x8000000000000000n);
}

/**
 * The decimal (or other base) digits of an integer value, exact for every value (a bigint's own
 * digits; a number beyond 2^53 — from a float — through BigInt: Number.prototype.toString would
 * print -2^63 as -9223372036854776000).
 */
export function intString(x: Int64, base = 10): string {
  if (typeof x === 'bigint') return x.toString(base);
  if (x > -9007199254740992 && x < 9007199254740992) return x.toString(base);
  return BigInt(x).toString(base);
}
/** |x| of an integer value (fmt prints the sign apart from the digits). */
export function iabs(x: Int64): Int64 {
  return x < 0 ? -x : x;
}
/** min(x, y…) / max(x, y…) on a 64-bit integer kind (`<` compares a number with a bigint exactly). */
export function imin(...xs: Int64[]): Int64 {
  let m = xs[0]!;
  for (let i = 1; i < xs.length; i++) if (xs[i]! < m) m = xs[i]!;
  return m;
}
export function imax(...xs: Int64[]): Int64 {
  let m = xs[0]!;
  for (let i = 1; i < xs.length; i++) if (xs[i]! > m) m = xs[i]!;
  return m;
}
