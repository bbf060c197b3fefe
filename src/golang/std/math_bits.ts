/**
 * Package math/bits: UintSize, OnesCount, LeadingZeros, TrailingZeros, Len, Reverse, ReverseBytes
 * and RotateLeft for uint (64 bits) and uint8/16/32/64, as bits.go defines them (Len(0) = 0,
 * LeadingZeros(0) = the size, TrailingZeros(0) = the size, RotateLeft by a negative count rotates
 * right). A 64-bit value is a number while safe and a bigint beyond (rt/integers.ts), so the
 * 64-bit functions work on BigInt and give back the canonical form.
 *
 * Simplified: no Add/Sub/Mul/Div with carries.
 */
import { tInt, tUint8, basic } from '../types.js';
import { pkg, F, C, fn, subset, tUint32, tUint64 } from './registry.js';
import { type Int64, wu64 } from '../rt/integers.js';

const tUint = basic('uint');
const tUint16 = basic('uint16');

/** The value as an unsigned BigInt of `size` bits. */
const big = (x: Int64, size: number): bigint => BigInt.asUintN(size, BigInt(x));
/** A result of `size` bits in the frontend's form: a number below 2^53, else (64 bits) a canonical Int64. */
const out = (x: bigint, size: number): Int64 => (size === 64 ? wu64(x) : Number(x));

export function len(x: Int64, size: number): number {
  return big(x, size).toString(2).replace(/^0+/, '').length;
}
export function onesCount(x: Int64, size: number): number {
  let n = 0;
  for (const c of big(x, size).toString(2)) if (c === '1') n++;
  return n;
}
export const leadingZeros = (x: Int64, size: number): number => size - len(x, size);
export function trailingZeros(x: Int64, size: number): number {
  const v = big(x, size);
  if (v === 0n) return size;
  let n = 0;
  for (let y = v; (y & 1n) === 0n; y >>= 1n) n++;
  return n;
}
export function reverse(x: Int64, size: number): Int64 {
  return out(BigInt('0b' + big(x, size).toString(2).padStart(size, '0').split('').reverse().join('')), size);
}
export function reverseBytes(x: Int64, size: number): Int64 {
  const hex = big(x, size).toString(16).padStart(size / 4, '0');
  const bytes = hex.match(/../g)!.reverse().join('');
  return out(BigInt('0x' + bytes), size);
}
export function rotateLeft(x: Int64, k: number, size: number): Int64 {
  const v = big(x, size);
  const s = BigInt((((k % size) + size) % size));
  return out(BigInt.asUintN(size, (v << s) | (v >> (BigInt(size) - s))), size);
}

const members: Record<string, ReturnType<typeof F>> = {};
for (const [suffix, t, size] of [
  ['', tUint, 64],
  ['8', tUint8, 8],
  ['16', tUint16, 16],
  ['32', tUint32, 32],
  ['64', tUint64, 64],
] as const) {
  members[`OnesCount${suffix}`] = F(fn([t], [tInt]), (a) => `$P.math_bits.onesCount(${a[0]}, ${size})`);
  members[`LeadingZeros${suffix}`] = F(fn([t], [tInt]), (a) => `$P.math_bits.leadingZeros(${a[0]}, ${size})`);
  members[`TrailingZeros${suffix}`] = F(fn([t], [tInt]), (a) => `$P.math_bits.trailingZeros(${a[0]}, ${size})`);
  members[`Len${suffix}`] = F(fn([t], [tInt]), (a) => `$P.math_bits.len(${a[0]}, ${size})`);
  members[`Reverse${suffix}`] = F(fn([t], [t]), (a) => `$P.math_bits.reverse(${a[0]}, ${size})`);
  members[`RotateLeft${suffix}`] = F(fn([t, tInt], [t]), (a) => `$P.math_bits.rotateLeft(${a[0]}, ${a[1]}, ${size})`);
  if (size !== 8) members[`ReverseBytes${suffix}`] = F(fn([t], [t]), (a) => `$P.math_bits.reverseBytes(${a[0]}, ${size})`);
}

pkg('math/bits', {
  ...members,
  UintSize: C(basic('untyped int'), 64),
  $unsupported: subset(),
});
