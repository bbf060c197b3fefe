/**
 * Integer arithmetic with Go's semantics on JS numbers: wrap-around to a sized integer kind,
 * truncated division and remainder with the divide-by-zero panic, 64-bit bitwise operations and
 * shifts (through BigInt beyond 32 bits).
 *
 * Simplification (see index.ts): int64/uint64 are JS doubles, exact only within ±2^53.
 *
 * Representation (issue 11, measured by bench/int64-repr.mjs on the frontend bench's loop, 20M
 * iterations of `sum += i` with Go's wrap-around, median of 5 interleaved runs on the 2-core
 * machine under load): doubles + w64 73 ms, BigInt ×3.1, a {hi, lo} pair of int32 halves ×2.8, a
 * number-or-BigInt hybrid ×1.9 (first, cold runs: BigInt ≈ ×9, pair ≈ ×4). `int` and `uint` (64-bit
 * in Go on amd64) carry every index, length and loop counter, so they stay doubles: an exact `int`
 * would slow every Go program 2–3×. An exact int64/uint64 alone (BigInt: values cross into the
 * library as Duration, atomic and strconv arguments, each boundary converting) is the path left open.
 */
import { rtPanic, divZero } from './panics.js';

const TWO64 = 18446744073709551616;
const TWO63 = 9223372036854775808;

/** Wrap a number to an integer kind. */
export function wrapInt(kind: string, x: number): number {
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
      if (x < 0) return x + 18446744073709551616;
      return x;
    default:
      return x;
  }
}
/**
 * Truncated division. The one quotient outside int64, math.MinInt64 / -1 = 2^63, wraps to
 * math.MinInt64 as in Go (the spec: "if the dividend x is the most negative value … q = x"); a uint64
 * dividend is never negative, so the guard does not touch uint64 quotients ≥ 2^63.
 */
export function idiv(a: number, b: number): number {
  if (b === 0) divZero();
  const q = Math.trunc(a / b);
  return q === TWO63 && a === -TWO63 ? a : q;
}
export function imod(a: number, b: number): number {
  if (b === 0) divZero();
  const r = a % b;
  return r === 0 ? 0 : r;
}


/** int/int64: wrap on overflow (exact only within ±2^53; see index.ts). */
export function w64(x: number): number {
  if (x >= TWO63 || x < -TWO63) return Number(BigInt.asIntN(64, BigInt(Math.trunc(x))));
  return x;
}
export function wu64(x: number): number {
  if (x < 0 || x >= TWO64) return Number(BigInt.asUintN(64, BigInt(Math.trunc(x))));
  return x;
}
function small(a: number, b: number): boolean {
  return a >= -2147483648 && a <= 2147483647 && b >= -2147483648 && b <= 2147483647;
}
export function band(a: number, b: number): number {
  if (small(a, b)) return a & b;
  return Number(BigInt.asIntN(64, BigInt(a)) & BigInt.asIntN(64, BigInt(b)));
}
export function bor(a: number, b: number): number {
  if (small(a, b)) return a | b;
  return Number(BigInt(a) | BigInt(b));
}
export function bxor(a: number, b: number): number {
  if (small(a, b)) return a ^ b;
  return Number(BigInt(a) ^ BigInt(b));
}
export function bandnot(a: number, b: number): number {
  if (small(a, b)) return a & ~b;
  return Number(BigInt(a) & ~BigInt(b));
}
export function bnot(a: number): number {
  return -a - 1;
}
export function shl(a: number, b: number): number {
  if (b < 0) throw rtPanic('negative shift amount');
  if (b >= 64) return 0;
  return a * 2 ** b;
}
export function shr(a: number, b: number): number {
  if (b < 0) throw rtPanic('negative shift amount');
  if (b >= 64) return a < 0 ? -1 : 0;
  return Math.floor(a / 2 ** b);
}

/**
 * The decimal (or other base) digits of an integer value: exact for every value a JS number holds,
 * beyond 2^53 too (Number.prototype.toString switches to exponent-free rounding there: -2^63 would
 * print as -9223372036854776000, Go prints -9223372036854775808).
 */
export function intString(x: number, base = 10): string {
  if (x > -9007199254740992 && x < 9007199254740992) return x.toString(base);
  return BigInt(x).toString(base);
}
