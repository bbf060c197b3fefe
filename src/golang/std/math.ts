/**
 * Package math: the float64 functions are JS's Math (both IEEE 754 double precision), the integer
 * limits are Go's constants (math/const.go).
 *
 * The integer limits are exact constants (bigint beyond 2^53: core.ts ConstVal), and exact as run-time
 * values too (rt/integers.ts: a 64-bit value beyond 2^53 is a bigint).
 *
 * Simplified: the functions not listed are unsupported.
 */
import { basic, tBool, tFloat64, tInt } from '../types.js';
import { pkg, F, C, fn, subset } from './registry.js';
import { type Int64, wu64 } from '../rt/integers.js';

/** math.Round: half away from zero (JS's Math.round rounds half up). */
export function Round(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/**
 * math.Float32bits / Float32frombits (math/unsafe.go): the IEEE 754 binary32 bits, through a
 * DataView (exact: uint32 is a JS number).
 */
export function Float32bits(f: number): number {
  const d = new DataView(new ArrayBuffer(4));
  d.setFloat32(0, f);
  return d.getUint32(0);
}
export function Float32frombits(b: number): number {
  const d = new DataView(new ArrayBuffer(4));
  d.setUint32(0, b);
  return d.getFloat32(0);
}

/** math.Float64bits / Float64frombits: the IEEE 754 binary64 bits as an exact uint64 (rt/integers.ts). */
export function Float64bits(f: number): Int64 {
  const d = new DataView(new ArrayBuffer(8));
  d.setFloat64(0, f);
  return wu64(d.getBigUint64(0));
}
export function Float64frombits(b: Int64): number {
  const d = new DataView(new ArrayBuffer(8));
  d.setBigUint64(0, BigInt.asUintN(64, BigInt(b)));
  return d.getFloat64(0);
}
/** 1e0…1e31, 1e0, 1e32 … 1e288 and 1e-0, 1e-32 … 1e-320: math.Pow10's tables (correctly rounded literals). */
const pow10tab = Array.from({ length: 32 }, (_, i) => Number(`1e${i}`));
const pow10postab32 = Array.from({ length: 10 }, (_, i) => Number(`1e${32 * i}`));
const pow10negtab32 = Array.from({ length: 11 }, (_, i) => Number(`1e-${32 * i}`));
/**
 * math.Pow10 (math/pow10.go's method: a product of two table entries, not a correctly rounded
 * 10^n, so the last bit is Go's): +Inf above 308, 0 below -323.
 */
export function Pow10(n: number): number {
  if (n >= 0 && n <= 308) return pow10postab32[Math.floor(n / 32)]! * pow10tab[n % 32]!;
  if (n >= -323 && n <= 0) return pow10negtab32[Math.floor(-n / 32)]! / pow10tab[-n % 32]!;
  return n > 0 ? Infinity : 0;
}
/** math.Signbit: the sign bit (set for -0 and negative NaN payloads JS can see only as NaN). */
export function Signbit(x: number): boolean {
  return x < 0 || Object.is(x, -0);
}
/**
 * math.Hypot (math/hypot.go, and hypot_amd64.s's same steps): max × sqrt(1 + (min/max)²), +Inf if
 * either is ±Inf, else NaN if either is NaN. (JavaScript's Math.hypot sums scaled squares and can
 * differ from Go's in the last bit.)
 */
export function Hypot(p: number, q: number): number {
  p = Math.abs(p);
  q = Math.abs(q);
  if (p === Infinity || q === Infinity) return Infinity;
  if (Number.isNaN(p) || Number.isNaN(q)) return NaN;
  if (p < q) [p, q] = [q, p];
  if (p === 0) return 0;
  q = q / p;
  return p * Math.sqrt(1 + q * q);
}
/** math.Copysign(f, sign). */
export function Copysign(f: number, sign: number): number {
  const a = Math.abs(f);
  return Signbit(sign) ? -a : a;
}

/** The float64's two 32-bit words (high: sign, exponent, top of the mantissa), math.Float64bits's parts. */
const f64view = new DataView(new ArrayBuffer(8));
function hiWord(f: number): number {
  f64view.setFloat64(0, f);
  return f64view.getUint32(0);
}
function withHiExp(f: number, exp: number): number {
  // f with its 11 exponent bits replaced by exp (math/bits.go: x &^= mask << shift; x |= exp << shift)
  f64view.setFloat64(0, f);
  f64view.setUint32(0, (f64view.getUint32(0) & 0x800fffff) | (exp << 20));
  return f64view.getFloat64(0);
}
const smallestNormal = 2.2250738585072014e-308;
/** The float64 exponent bias (math/bits.go bias). */
const bias = 1023;

/** math's normalize: a subnormal x scaled into the normal range, and the power of two that undoes it. */
function normalize(x: number): [number, number] {
  return Math.abs(x) < smallestNormal ? [x * 2 ** 52, -52] : [x, 0];
}
/** x's biased exponent (its 11 exponent bits). */
function biasedExp(x: number): number {
  return (hiWord(x) >>> 20) & 0x7ff;
}

/** math.Frexp (math/frexp.go): f = frac × 2^exp with |frac| in [½, 1); ±0, ±Inf and NaN give (f, 0). */
export function Frexp(f: number): [number, number] {
  if (f === 0 || !Number.isFinite(f)) return [f, 0];
  const [g, e] = normalize(f);
  return [withHiExp(g, bias - 1), e + biasedExp(g) - bias + 1];
}

/** math.Ldexp (math/ldexp.go): frac × 2^exp, one rounding (subnormal results through Go's m = 2^-53 factor). */
export function Ldexp(frac: number, exp: number): number {
  if (frac === 0 || !Number.isFinite(frac)) return frac;
  const [g, e] = normalize(frac);
  exp += e + biasedExp(g) - bias;
  if (exp < -1075) return Copysign(0, g); // underflow
  if (exp > bias) return g < 0 ? -Infinity : Infinity; // overflow
  let m = 1;
  if (exp < -1022) {
    // denormal
    exp += 53;
    m = 1 / 2 ** 53;
  }
  return m * withHiExp(g, exp + bias);
}

/** math.Modf (math/modf.go): the integer part and the fraction, both with f's sign; Modf(±Inf) = (±Inf, NaN). */
export function Modf(f: number): [number, number] {
  if (f < 1) {
    if (f < 0) {
      const [i, fr] = Modf(-f);
      return [-i, -fr];
    }
    if (f === 0) return [f, f];
    return [0, f];
  }
  const i = Math.trunc(f);
  return [i, f - i];
}

/** math.RoundToEven: the nearest integer, halves to even (JS's Math.round rounds halves up). */
export function RoundToEven(x: number): number {
  if (!Number.isFinite(x)) return x;
  const t = Math.trunc(x);
  const d = Math.abs(x - t);
  if (d > 0.5 || (d === 0.5 && t % 2 !== 0)) return t + Math.sign(x);
  return t === 0 ? Copysign(0, x) : t;
}

/** math.Dim: max(x − y, 0), NaN and Inf as math/dim.go. */
export function Dim(x: number, y: number): number {
  const v = x - y;
  return v <= 0 ? 0 : v;
}

/** math.Nextafter (math/nextafter.go): the next float64 after x towards y. */
export function Nextafter(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === y) return x;
  if (x === 0) return Copysign(5e-324, y);
  const bits = BigInt(Float64bits(x));
  return Float64frombits((y > x) === (x > 0) ? bits + 1n : bits - 1n);
}

const F64 = tFloat64;
const m1 = (js: string) => F(fn([F64], [F64]), (a) => `${js}(${a[0]})`);
const untypedInt = basic('untyped int');
const untypedFloat = basic('untyped float');
pkg('math', {
  Sqrt: m1('Math.sqrt'),
  Abs: m1('Math.abs'),
  Floor: m1('Math.floor'),
  Ceil: m1('Math.ceil'),
  Log: m1('Math.log'),
  Exp: m1('Math.exp'),
  Sin: m1('Math.sin'),
  Cos: m1('Math.cos'),
  Trunc: m1('Math.trunc'),
  Tan: m1('Math.tan'),
  Asin: m1('Math.asin'),
  Acos: m1('Math.acos'),
  Atan: m1('Math.atan'),
  Sinh: m1('Math.sinh'),
  Cosh: m1('Math.cosh'),
  Tanh: m1('Math.tanh'),
  Log2: m1('Math.log2'),
  Log10: m1('Math.log10'),
  Log1p: m1('Math.log1p'),
  Expm1: m1('Math.expm1'),
  Cbrt: m1('Math.cbrt'),
  Atan2: F(fn([F64, F64], [F64]), (a) => `Math.atan2(${a[0]}, ${a[1]})`),
  Hypot: F(fn([F64, F64], [F64]), (a) => `$P.math.Hypot(${a[0]}, ${a[1]})`),
  Signbit: F(fn([F64], [tBool]), (a) => `$P.math.Signbit(${a[0]})`),
  Copysign: F(fn([F64, F64], [F64]), (a) => `$P.math.Copysign(${a[0]}, ${a[1]})`),
  Float64bits: F(fn([F64], [basic('uint64')]), (a) => `$P.math.Float64bits(${a[0]})`),
  Float64frombits: F(fn([basic('uint64')], [F64]), (a) => `$P.math.Float64frombits(${a[0]})`),
  Round: F(fn([F64], [F64]), (a) => `$P.math.Round(${a[0]})`),
  Pow: F(fn([F64, F64], [F64]), (a) => `Math.pow(${a[0]}, ${a[1]})`),
  Max: F(fn([F64, F64], [F64]), (a) => `Math.max(${a[0]}, ${a[1]})`),
  Min: F(fn([F64, F64], [F64]), (a) => `Math.min(${a[0]}, ${a[1]})`),
  Inf: F(fn([tInt], [F64]), (a) => `(${a[0]} >= 0 ? Infinity : -Infinity)`),
  IsNaN: F(fn([F64], [tBool]), (a) => `Number.isNaN(${a[0]})`),
  Pi: C(untypedFloat, Math.PI),
  E: C(untypedFloat, Math.E),
  // math/const.go's other mathematical constants, as float64 (the frontend's untyped floats are doubles)
  Phi: C(untypedFloat, 1.618033988749895),
  Sqrt2: C(untypedFloat, Math.SQRT2),
  SqrtE: C(untypedFloat, 1.6487212707001282),
  SqrtPi: C(untypedFloat, 1.772453850905516),
  SqrtPhi: C(untypedFloat, 1.272019649514069),
  Ln2: C(untypedFloat, Math.LN2),
  Log2E: C(untypedFloat, Math.LOG2E),
  Ln10: C(untypedFloat, Math.LN10),
  Log10E: C(untypedFloat, Math.LOG10E),
  Frexp: F(fn([F64], [F64, tInt]), (a) => `$P.math.Frexp(${a[0]})`),
  Ldexp: F(fn([F64, tInt], [F64]), (a) => `$P.math.Ldexp(${a[0]}, ${a[1]})`),
  Modf: F(fn([F64], [F64, F64]), (a) => `$P.math.Modf(${a[0]})`),
  RoundToEven: F(fn([F64], [F64]), (a) => `$P.math.RoundToEven(${a[0]})`),
  Dim: F(fn([F64, F64], [F64]), (a) => `$P.math.Dim(${a[0]}, ${a[1]})`),
  Nextafter: F(fn([F64, F64], [F64]), (a) => `$P.math.Nextafter(${a[0]}, ${a[1]})`),
  Asinh: m1('Math.asinh'),
  Acosh: m1('Math.acosh'),
  Atanh: m1('Math.atanh'),
  Exp2: F(fn([F64], [F64]), (a) => `Math.pow(2, ${a[0]})`),
  Sincos: F(fn([F64], [F64, F64]), (a) => `(($x) => [Math.sin($x), Math.cos($x)])(${a[0]})`),
  MaxInt: C(untypedInt, 9223372036854775807n),
  MinInt: C(untypedInt, -9223372036854775808n),
  MaxInt64: C(untypedInt, 9223372036854775807n),
  MinInt64: C(untypedInt, -9223372036854775808n),
  MaxInt32: C(untypedInt, 2147483647),
  MinInt32: C(untypedInt, -2147483648),
  MaxUint32: C(untypedInt, 4294967295),
  MaxUint: C(untypedInt, 18446744073709551615n),
  MaxUint64: C(untypedInt, 18446744073709551615n),
  MaxUint16: C(untypedInt, 65535),
  MinInt16: C(untypedInt, -32768),
  MinInt8: C(untypedInt, -128),
  MaxFloat32: C(untypedFloat, 3.4028234663852886e38),
  SmallestNonzeroFloat64: C(untypedFloat, 5e-324),
  // 0x1p-126 * 0x1p-23 (math/const.go)
  SmallestNonzeroFloat32: C(untypedFloat, 1.401298464324817e-45),
  Pow10: F(fn([tInt], [F64]), (a) => `$P.math.Pow10(${a[0]})`),
  MaxInt16: C(untypedInt, 32767),
  MaxInt8: C(untypedInt, 127),
  MaxUint8: C(untypedInt, 255),
  MaxFloat64: C(untypedFloat, Number.MAX_VALUE),
  $unsupported: subset(),
  NaN: F(fn([], [F64]), () => 'NaN'),
  IsInf: F(fn([F64, tInt], [tBool]), (a) => `(($x, $s) => ($s >= 0 && $x === Infinity) || ($s <= 0 && $x === -Infinity))(${a[0]}, ${a[1]})`),
  Mod: F(fn([F64, F64], [F64]), (a) => `(${a[0]} % ${a[1]})`),
  Float32bits: F(fn([basic('float32')], [basic('uint32')]), (a) => `$P.math.Float32bits(${a[0]})`),
  Float32frombits: F(fn([basic('uint32')], [basic('float32')]), (a) => `$P.math.Float32frombits(${a[0]})`),
});
