/**
 * Package math: the float64 functions are JS's Math (both IEEE 754 double precision) except where
 * Go's own algorithm gives other last bits (Sin, Cos, Tan, Exp, Log, Log2, Log10, Pow, Atan, Asin, Acos, Atan2, Sinh, Cosh,
 * Tanh, Asinh, Acosh, Atanh, Exp2, Cbrt, Hypot, Pow10 are ported from Go's math; Log1p, Expm1 and
 * Sqrt are JavaScript's, which agree with Go's (gotests/math_go_algorithms)),
 * the integer limits are Go's constants (math/const.go). The ported functions reimplement the numerical
 * algorithms of Go's math package (Copyright The Go Authors, BSD-style licence; its polynomials are
 * Cephes', its Payne–Hanek reduction and FMA-based Exp follow published methods) because a Go program's
 * printed floats must match real Go's to the last bit; their structure and coefficients are those
 * algorithms', the TypeScript is gmpsim's.
 *
 * The integer limits are exact constants (bigint beyond 2^53: core.ts ConstVal), and exact as run-time
 * values too (rt/integers.ts: a 64-bit value beyond 2^53 is a bigint).
 *
 * Simplified: the functions not listed are unsupported.
 */
import { basic, tBool, tFloat64, tInt } from '../types.js';
import { pkg, F, C, fn, subset } from './registry.js';
import { ratOfLiteral, ratToDouble, ratBinary } from '../compiler/exact.js';

/** Go's constant expressions of π and the logarithms, folded exactly and rounded once (as gc does). */
const exactPi = ratOfLiteral('3.14159265358979323846264338327950288419716939937510582097494459')!;
const exactLn2 = ratOfLiteral('0.693147180559945309417232121458176568075500134360255254120680009')!;
const exactLn10 = ratOfLiteral('2.30258509299404568401799145468436420760110148862877297603332790')!;
const constOf = (op: string, a: { n: bigint; d: bigint }, b: { n: bigint; d: bigint }): number => ratToDouble(ratBinary(op, a, b)!);
const piOver2 = constOf('/', exactPi, { n: 2n, d: 1n });
const piOver4 = constOf('/', exactPi, { n: 4n, d: 1n });
const threePiOver4 = constOf('/', ratBinary('*', exactPi, { n: 3n, d: 1n })!, { n: 4n, d: 1n });
/** 0.5 × Morebits (atan.go), exact. */
const halfMorebits = constOf('*', ratOfLiteral('6.123233995736765886130e-17')!, { n: 1n, d: 2n });
/** 1/Ln10 and 1/Ln2 (log10.go). */
const log10E = constOf('/', { n: 1n, d: 1n }, exactLn10);
const log2E = constOf('/', { n: 1n, d: 1n }, exactLn2);
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
/*
 * math.Sin, Cos, Tan: Go's own (math/sin.go, math/tan.go: the Cephes polynomials after a reduction
 * of x by π/4 in three parts, Payne–Hanek's math/trig_reduce.go from 2^29 on), not JavaScript's
 * Math.sin/cos/tan (fdlibm's kernels), which differ from them in the last bit for many arguments
 * (gopl.io's ch3/surface prints such sines in 17 digits). amd64 has no assembly for them; Go's amd64
 * compiler fuses no multiply-add, so these double operations are Go's bit for bit.
 */
const sinP = [1.58962301576546568060e-10, -2.50507477628578072866e-8, 2.75573136213857245213e-6, -1.98412698295895385996e-4, 8.33333333332211858878e-3, -1.66666666666666307295e-1];
const cosP = [-1.13585365213876817300e-11, 2.08757008419747316778e-9, -2.75573141792967388112e-7, 2.48015872888517045348e-5, -1.38888888888730564116e-3, 4.16666666666665929218e-2];
const tanP = [-1.30936939181383777646e4, 1.15351664838587416140e6, -1.79565251976484877988e7];
const tanQ = [1.0, 1.36812963470692954678e4, -1.32089234440210967447e6, 2.50083801823357915839e7, -5.38695755929454629881e7];
/** π/4 in three parts (sin.go PI4A, PI4B, PI4C) and the constant 4/π as Go rounds it. */
const PI4A = 7.85398125648498535156e-1;
const PI4B = 3.77489470793079817668e-8;
const PI4C = 2.69515142907905952645e-15;
const fourOverPi = 1.2732395447351628;
const reduceThreshold = 2 ** 29;
/** 4/π's binary digits, 64 a word (trig_reduce.go mPi4). */
const mPi4 = [
  0x0000000000000001n, 0x45f306dc9c882a53n, 0xf84eafa3ea69bb81n, 0xb6c52b3278872083n, 0xfca2c757bd778ac3n,
  0x6e48dc74849ba5c0n, 0x0c925dd413a32439n, 0xfc3bd63962534e7dn, 0xd1046bea5d768909n, 0xd338e04d68befc82n,
  0x7323ac7306a673e9n, 0x3908bf177bf25076n, 0x3ff12fffbc0b301fn, 0xde5e2316b414da3en, 0xda6cfd9e4f96136en,
  0x9e8c7ecd3cbfd45an, 0xea4f758fd7cbe2f6n, 0x7a0e73ef14a525d4n, 0xd7f6bf623f1aba10n, 0xac06608df8f6d757n,
];
const M64 = (1n << 64n) - 1n;
/** trig_reduce.go trigReduce: x ≥ 2^29 as j (octant) and z in [-π/4, π/4], with 4/π's bits to spare. */
function trigReduce(x: number): [number, number] {
  const PI4 = Math.PI / 4;
  if (x < PI4) return [0, x];
  let ix = BigInt(Float64bits(x));
  const exp = Number((ix >> 52n) & 0x7ffn) - bias - 52;
  ix &= ~(0x7ffn << 52n);
  ix |= 1n << 52n;
  const digit = Math.floor((exp + 61) / 64);
  const bitshift = BigInt((exp + 61) % 64);
  const w = (k: number): bigint => ((mPi4[digit + k]! << bitshift) | (mPi4[digit + k + 1]! >> (64n - bitshift))) & M64;
  const z0 = w(0);
  const z1 = w(1);
  const z2 = w(2);
  // (z0, z1, z2) × ix, keeping the low 128 bits of the top: bits.Mul64 and bits.Add64 of the original
  const z2hi = (z2 * ix) >> 64n;
  const z1p = z1 * ix;
  const z1hi = z1p >> 64n;
  const z1lo = z1p & M64;
  const z0lo = (z0 * ix) & M64;
  const loSum = z1lo + z2hi;
  const lo = loSum & M64;
  let hi = (z0lo + z1hi + (loSum >> 64n)) & M64;
  let j = Number(hi >> 61n);
  hi = ((hi << 3n) | (lo >> 61n)) & M64;
  const lz = BigInt(64 - hi.toString(2).length);
  const e = BigInt(bias) - (lz + 1n);
  hi = ((hi << (lz + 1n)) | (lo >> (64n - (lz + 1n)))) & M64;
  hi >>= 64n - 52n;
  hi |= e << 52n;
  let z = Float64frombits(hi);
  if ((j & 1) === 1) {
    j = (j + 1) & 7;
    z--;
  }
  return [j, z * PI4];
}
/** The octant j of |x| and x reduced to [-π/4, π/4] (sin.go's reduction, trigReduce beyond 2^29). */
function reduce(x: number, octant: boolean): [number, number] {
  if (x >= reduceThreshold) return trigReduce(x);
  let j = Math.trunc(x * fourOverPi);
  let y = j;
  if ((j & 1) === 1) {
    j++;
    y++;
  }
  if (octant) j &= 7;
  return [j, x - y * PI4A - y * PI4B - y * PI4C];
}
const sinPoly = (z: number, zz: number): number => z + z * zz * ((((((sinP[0]! * zz) + sinP[1]!) * zz + sinP[2]!) * zz + sinP[3]!) * zz + sinP[4]!) * zz + sinP[5]!);
const cosPoly = (zz: number): number => 1.0 - 0.5 * zz + zz * zz * ((((((cosP[0]! * zz) + cosP[1]!) * zz + cosP[2]!) * zz + cosP[3]!) * zz + cosP[4]!) * zz + cosP[5]!);
/** math.Sin (math/sin.go). */
export function Sin(x: number): number {
  if (x === 0 || Number.isNaN(x)) return x;
  if (x === Infinity || x === -Infinity) return NaN;
  let sign = false;
  if (x < 0) {
    x = -x;
    sign = true;
  }
  let [j, z] = reduce(x, true);
  if (j > 3) {
    sign = !sign;
    j -= 4;
  }
  const zz = z * z;
  const y = j === 1 || j === 2 ? cosPoly(zz) : sinPoly(z, zz);
  return sign ? -y : y;
}
/** math.Cos (math/sin.go). */
export function Cos(x: number): number {
  if (Number.isNaN(x) || x === Infinity || x === -Infinity) return NaN;
  let sign = false;
  let [j, z] = reduce(Math.abs(x), true);
  if (j > 3) {
    j -= 4;
    sign = !sign;
  }
  if (j > 1) sign = !sign;
  const zz = z * z;
  const y = j === 1 || j === 2 ? sinPoly(z, zz) : cosPoly(zz);
  return sign ? -y : y;
}
/** math.Tan (math/tan.go). */
export function Tan(x: number): number {
  if (x === 0 || Number.isNaN(x)) return x;
  if (x === Infinity || x === -Infinity) return NaN;
  let sign = false;
  if (x < 0) {
    x = -x;
    sign = true;
  }
  const [j, z] = reduce(x, false);
  const zz = z * z;
  let y = zz > 1e-14 ? z + z * ((zz * ((tanP[0]! * zz + tanP[1]!) * zz + tanP[2]!)) / ((((zz + tanQ[1]!) * zz + tanQ[2]!) * zz + tanQ[3]!) * zz + tanQ[4]!)) : z;
  if ((j & 2) === 2) y = -1 / y;
  return sign ? -y : y;
}
/*
 * math.Exp, Log, Log2, Log10, Pow, Atan, Asin, Acos, Atan2: Go's own, not JavaScript's (whose last
 * bits differ for most arguments). Exp and Log are amd64's assembly (math/exp_amd64.s, log_amd64.s);
 * Exp takes its FMA path (exp_amd64.go useFMA: AVX and FMA, as the recording machine has), with the
 * fused multiply-adds computed exactly (fma below). Log2 and Log10 are log10.go's, Pow pow.go's
 * (Exp and Log of the fraction, repeated squaring of Frexp's mantissa), the inverse tangents
 * atan.go's, asin.go's and atan2.go's Cephes polynomials (Go's amd64 compiler fuses no multiply-add
 * in Go code).
 */
/** x = m × 2^e exactly, for a finite double. */
function dyadic(x: number): [bigint, number] {
  f64view.setFloat64(0, x);
  const bits = f64view.getBigUint64(0);
  const be = Number((bits >> 52n) & 0x7ffn);
  let m = bits & ((1n << 52n) - 1n);
  if (be !== 0) m |= 1n << 52n;
  return [x < 0 ? -m : m, (be === 0 ? 1 : be) - 1075];
}
/** Veltkamp's split: a = hi + lo, each with at most 26 significant bits (|a| < 2^996). */
function split(a: number): [number, number] {
  const t = 134217729 * a;
  const hi = t - (t - a);
  return [hi, a - hi];
}
/** The double after (up) or before s, for a finite s. */
function nextUlp(s: number, up: boolean): number {
  return Nextafter(s, up ? Infinity : -Infinity);
}
/**
 * a × b + c rounded once (VFMADD…SD). Boldo and Melquiond's emulation ("Emulation of FMA and
 * correctly rounded sums: proved algorithms using rounding to odd", IEEE TC 2008): the product
 * exactly as uh + ul (Dekker's TwoProduct), c + uh exactly as th + tl (TwoSum), ul + tl rounded to
 * odd, then th plus it rounded to nearest — correct for binary64 away from overflow and underflow;
 * operands near those ranges take the exact integer path (fmaExact).
 */
export function fma(a: number, b: number, c: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a * b + c;
  // an infinite or NaN c against a finite (never overflowing) exact product
  if (!Number.isFinite(c)) return c;
  const aa = Math.abs(a);
  const ab = Math.abs(b);
  const ac = Math.abs(c);
  const p = aa * ab;
  if (aa > 2 ** 500 || ab > 2 ** 500 || ac > 2 ** 900 || (p !== 0 && p < 2 ** -800) || (ac !== 0 && ac < 2 ** -800) || p === 0) return fmaExact(a, b, c);
  // TwoProduct: uh + ul = a × b exactly
  const uh = a * b;
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  const ul = ah * bh - uh + ah * bl + al * bh + al * bl;
  // TwoSum: th + tl = c + uh exactly
  const th = c + uh;
  const bb = th - c;
  const tl = c - (th - bb) + (uh - bb);
  // ul + tl rounded to odd: the nearest sum, moved to its odd neighbour when inexact and even
  let v = ul + tl;
  const vb = v - ul;
  const ve = ul - (v - vb) + (tl - vb);
  if (ve !== 0) {
    f64view.setFloat64(0, v);
    if ((f64view.getUint32(4) & 1) === 0) v = nextUlp(v, ve > 0);
  }
  return th + v;
}
/** a × b + c rounded once, exact through integers (fma's path near overflow and underflow). */
export function fmaExact(a: number, b: number, c: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a * b + c;
  // an infinite or NaN c against a finite (never overflowing) exact product
  if (!Number.isFinite(c)) return c;
  const [ma, ea] = dyadic(a);
  const [mb, eb] = dyadic(b);
  const [mc, ec] = dyadic(c);
  const mp = ma * mb;
  const ep = ea + eb;
  const e = Math.min(ep, ec);
  const n = (mp << BigInt(ep - e)) + (mc << BigInt(ec - e));
  // an exact zero: its sign as IEEE 754's sum gives it
  if (n === 0n) return a * b + c;
  return e >= 0 ? ratToDouble({ n: n << BigInt(e), d: 1n }) : ratToDouble({ n, d: 1n << BigInt(-e) });
}
const LN2U = 0.69314718055966295651160180568695068359375;
const LN2L = 0.28235290563031577122588448175013436025525412068e-12;
const LOG2E = 1.4426950408889634073599246810018920;
const expOverflow = 7.09782712893384e2;
const expC = [2.4801587301587301587e-5, 1.9841269841269841270e-4, 1.3888888888888888889e-3, 8.3333333333333333333e-3, 4.1666666666666666667e-2, 1.6666666666666666667e-1, 0.5, 1.0];
/** A double's 11-bit exponent field set to `biased` (0 < biased < 0x7ff): 2^(biased − 1023). */
const pow2biased = (biased: number): number => 2 ** (biased - 1023);
/** math.Exp (exp_amd64.s, its FMA path). */
export function Exp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === -Infinity) return 0;
  if (x > expOverflow) return Infinity;
  const t = LOG2E * x;
  // CVTSD2SL: rounded to nearest even; out of int32's range, the integer indefinite 0x80000000
  let k = Math.abs(t) < 2147483647.5 ? roundEven(t) : -2147483648;
  if (k > 2147483647) k = -2147483648;
  const kf = k;
  let r = fma(-kf, LN2U, x);
  r = fma(-kf, LN2L, r);
  r *= 0.0625;
  let p = expC[0]!;
  for (let i = 1; i < expC.length; i++) p = fma(p, r, expC[i]!);
  r *= p;
  for (let i = 0; i < 3; i++) r *= r + 2.0;
  r = fma(r, r + 2.0, 1.0);
  // ldexp: r × 2^k, through the subnormal range by two steps
  let b = k + 0x3ff;
  if (b <= 0) {
    if (b < -52) return 0;
    r *= pow2biased(b + 0x3fe);
    b = 1;
  } else if (b >= 0x7ff) return Infinity;
  return r * pow2biased(b);
}
function roundEven(t: number): number {
  const f = Math.floor(t);
  const d = t - f;
  return d > 0.5 || (d === 0.5 && f % 2 !== 0) ? f + 1 : f;
}
const HSqrt2 = 7.07106781186547524401e-1;
const Ln2Hi = 6.93147180369123816490e-1;
const Ln2Lo = 1.90821492927058770002e-10;
const L1 = 6.666666666666735130e-1;
const L2 = 3.999999999940941908e-1;
const L3 = 2.857142874366239149e-1;
const L4 = 2.222219843214978396e-1;
const L5 = 1.818357216161805012e-1;
const L6 = 1.531383769920937332e-1;
const L7 = 1.479819860511658591e-1;
/** math.Log (log_amd64.s: frexp by the bits, f1 ≤ √2/2 halves the range, FDLIBM's polynomial). */
export function Log(x: number): number {
  if (x === 0) return -Infinity;
  if (x < 0 || Number.isNaN(x)) return NaN;
  if (x === Infinity) return x;
  f64view.setFloat64(0, x);
  const hi = f64view.getUint32(0);
  let k = ((hi >>> 20) & 0x7ff) - 0x3fe;
  // the mantissa bits under the exponent of 0.5
  f64view.setUint32(0, (hi & 0x000fffff) | 0x3fe00000);
  let f1 = f64view.getFloat64(0);
  if (!(HSqrt2 < f1)) {
    k -= 1;
    f1 *= 2;
  }
  const f = f1 - 1;
  const s = f / (2 + f);
  const s2 = s * s;
  const s4 = s2 * s2;
  const t1 = s2 * (L1 + s4 * (L3 + s4 * (L5 + s4 * L7)));
  const t2 = s4 * (L2 + s4 * (L4 + s4 * L6));
  const R = t1 + t2;
  const hfsq = 0.5 * f * f;
  return k * Ln2Hi - (hfsq - (s * (hfsq + R) + k * Ln2Lo) - f);
}
/** math.Log10 (log10.go: Log(x) × (1/Ln10), the constant rounded once). */
export function Log10(x: number): number {
  return Log(x) * log10E;
}
/** math.Log2 (log10.go: exact for powers of two). */
export function Log2(x: number): number {
  const [frac, exp] = Frexp(x);
  if (frac === 0.5) return exp - 1;
  return Log(frac) * log2E + exp;
}
function isOddInt(x: number): boolean {
  if (Math.abs(x) >= 2 ** 53) return false;
  const [xi, xf] = Modf(x);
  return xf === 0 && Math.abs(xi) % 2 === 1;
}
/** math.Pow (pow.go). */
export function Pow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (y === 1) return x;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === 0) {
    if (y < 0) return Signbit(x) && isOddInt(y) ? -Infinity : Infinity;
    if (y > 0) return Signbit(x) && isOddInt(y) ? x : 0;
  }
  if (y === Infinity || y === -Infinity) {
    if (x === -1) return 1;
    return (Math.abs(x) < 1) === (y === Infinity) ? 0 : Infinity;
  }
  if (x === Infinity || x === -Infinity) {
    if (x === -Infinity) return Pow(1 / x, -y);
    if (y < 0) return 0;
    if (y > 0) return Infinity;
  }
  if (y === 0.5) return Math.sqrt(x);
  if (y === -0.5) return 1 / Math.sqrt(x);
  let [yi, yf] = Modf(Math.abs(y));
  if (yf !== 0 && x < 0) return NaN;
  if (yi >= 2 ** 63) {
    if (x === -1) return 1;
    return (Math.abs(x) < 1) === (y > 0) ? 0 : Infinity;
  }
  let a1 = 1.0;
  let ae = 0;
  if (yf !== 0) {
    if (yf > 0.5) {
      yf--;
      yi++;
    }
    a1 = Exp(yf * Log(x));
  }
  let [x1, xe] = Frexp(x);
  // i >>= 1 on an int64 below 2^63: halving (a JS shift would cut it to 32 bits)
  for (let i = yi; i !== 0; i = Math.floor(i / 2)) {
    if (xe < -(1 << 12) || 1 << 12 < xe) {
      ae += xe;
      break;
    }
    if (i % 2 === 1) {
      a1 *= x1;
      ae += xe;
    }
    x1 *= x1;
    xe *= 2;
    if (x1 < 0.5) {
      x1 += x1;
      xe--;
    }
  }
  if (y < 0) {
    a1 = 1 / a1;
    ae = -ae;
  }
  return Ldexp(a1, ae);
}
/** atan.go xatan: atan(x) for 0 ≤ x ≤ 0.66. */
function xatan(x: number): number {
  const P0 = -8.750608600031904122785e-1;
  const P1 = -1.615753718733365076637e1;
  const P2 = -7.500855792314704667340e1;
  const P3 = -1.228866684490136173410e2;
  const P4 = -6.485021904942025371773e1;
  const Q0 = 2.485846490142306297962e1;
  const Q1 = 1.650270098316988542046e2;
  const Q2 = 4.328810604912902668951e2;
  const Q3 = 4.853903996359136964868e2;
  const Q4 = 1.945506571482613964425e2;
  let z = x * x;
  z = (z * ((((P0 * z + P1) * z + P2) * z + P3) * z + P4)) / (((((z + Q0) * z + Q1) * z + Q2) * z + Q3) * z + Q4);
  return x * z + x;
}
const Morebits = 6.123233995736765886130e-17;
const Tan3pio8 = 2.41421356237309504880;
/** atan.go satan: atan of x ≥ 0, reduced to [0, 0.66]. */
function satan(x: number): number {
  if (x <= 0.66) return xatan(x);
  if (x > Tan3pio8) return piOver2 - xatan(1 / x) + Morebits;
  return piOver4 + xatan((x - 1) / (x + 1)) + halfMorebits;
}
/** math.Atan (atan.go). */
export function Atan(x: number): number {
  if (x === 0) return x;
  return x > 0 ? satan(x) : -satan(-x);
}
/** math.Asin (asin.go). */
export function Asin(x: number): number {
  if (x === 0) return x;
  let sign = false;
  if (x < 0) {
    x = -x;
    sign = true;
  }
  if (x > 1) return NaN;
  let temp = Math.sqrt(1 - x * x);
  temp = x > 0.7 ? piOver2 - satan(temp / x) : satan(x / temp);
  return sign ? -temp : temp;
}
/** math.Acos (asin.go: π/2 − Asin(x)). */
export function Acos(x: number): number {
  return piOver2 - Asin(x);
}
/** math.Atan2 (atan2.go). */
export function Atan2(y: number, x: number): number {
  if (Number.isNaN(y) || Number.isNaN(x)) return NaN;
  if (y === 0) return x >= 0 && !Signbit(x) ? Copysign(0, y) : Copysign(Math.PI, y);
  if (x === 0) return Copysign(piOver2, y);
  if (x === Infinity || x === -Infinity) {
    if (x === Infinity) return y === Infinity || y === -Infinity ? Copysign(piOver4, y) : Copysign(0, y);
    return y === Infinity || y === -Infinity ? Copysign(threePiOver4, y) : Copysign(Math.PI, y);
  }
  if (y === Infinity || y === -Infinity) return Copysign(piOver2, y);
  const q = Atan(y / x);
  if (x < 0) return q <= 0 ? q + Math.PI : q - Math.PI;
  return q;
}
/** math.Sinh (sinh.go). */
export function Sinh(x: number): number {
  const P0 = -0.6307673640497716991184787251e6;
  const P1 = -0.8991272022039509355398013511e5;
  const P2 = -0.2894211355989563807284660366e4;
  const P3 = -0.2630563213397497062819489e2;
  const Q0 = -0.6307673640497716991212077277e6;
  const Q1 = 0.1521517378790019070696485176e5;
  const Q2 = -0.173678953558233699533450911e3;
  let sign = false;
  if (x < 0) {
    x = -x;
    sign = true;
  }
  let temp: number;
  if (x > 21) temp = Exp(x) * 0.5;
  else if (x > 0.5) {
    const ex = Exp(x);
    temp = (ex - 1 / ex) * 0.5;
  } else {
    const sq = x * x;
    temp = (((P3 * sq + P2) * sq + P1) * sq + P0) * x;
    temp = temp / (((sq + Q2) * sq + Q1) * sq + Q0);
  }
  return sign ? -temp : temp;
}
/** math.Cosh (sinh.go). */
export function Cosh(x: number): number {
  x = Math.abs(x);
  if (x > 21) return Exp(x) * 0.5;
  const ex = Exp(x);
  return (ex + 1 / ex) * 0.5;
}
/** 0.5 × MAXLOG (tanh.go: log(2^127)), exact. */
const halfMaxLog = constOf('*', ratOfLiteral('8.8029691931113054295988e+01')!, { n: 1n, d: 2n });
/** math.Tanh (tanh.go). */
export function Tanh(x: number): number {
  let z = Math.abs(x);
  if (z > halfMaxLog) return x < 0 ? -1 : 1;
  if (z >= 0.625) {
    const s = Exp(2 * z);
    z = 1 - 2 / (s + 1);
    return x < 0 ? -z : z;
  }
  if (x === 0) return x;
  const s = x * x;
  return x + (x * s * ((-9.64399179425052238628e-1 * s + -9.92877231001918586564e1) * s + -1.61468768441708447952e3)) / (((s + 1.12811678491632931402e2) * s + 2.23548839060100448583e3) * s + 4.84406305325125486048e3);
}
/** math.Exp2 (exp.go exp2 and expmulti: 2^k × e^(t·ln 2) for t = x − k, k the nearest integer). */
export function Exp2(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x > 1.0239999999999999e3) return Infinity;
  if (x < -1.074e3) return 0;
  const k = x > 0 ? Math.trunc(x + 0.5) : x < 0 ? Math.trunc(x - 0.5) : 0;
  const t = x - k;
  const hi = t * Ln2Hi;
  const lo = -t * Ln2Lo;
  const r = hi - lo;
  const tt = r * r;
  const c = r - tt * (1.66666666666666657415e-1 + tt * (-2.77777777770155933842e-3 + tt * (6.61375632143793436117e-5 + tt * (-1.65339022054652515390e-6 + tt * 4.13813679705723846039e-8))));
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  return Ldexp(y, k);
}
/** math.Cbrt (cbrt.go: FreeBSD's, a bit-level first guess refined twice). */
export function Cbrt(x: number): number {
  if (x === 0 || Number.isNaN(x) || x === Infinity || x === -Infinity) return x;
  let sign = false;
  if (x < 0) {
    x = -x;
    sign = true;
  }
  const bitsOf = (f: number): bigint => BigInt(Float64bits(f));
  let t = Float64frombits(bitsOf(x) / 3n + (715094163n << 32n));
  if (x < smallestNormal) {
    t = 2 ** 54;
    t *= x;
    t = Float64frombits(bitsOf(t) / 3n + (696219795n << 32n));
  }
  let r = (t * t) / x;
  let s = 5.42857142857142815906e-1 + r * t;
  t *= 3.57142857142857150787e-1 + 1.60714285714285720630e0 / (s + 1.41428571428571436819e0 + -7.05306122448979611050e-1 / s);
  t = Float64frombits(((bitsOf(t) & (0xffffffffcn << 28n)) + (1n << 30n)) & ((1n << 64n) - 1n));
  s = t * t;
  r = x / s;
  const w = t + t;
  r = (r - t) / (w + r);
  t = t + t * r;
  return sign ? -t : t;
}
/** math.Asinh (asinh.go). */
export function Asinh(x: number): number {
  if (Number.isNaN(x) || x === Infinity || x === -Infinity) return x;
  let sign = false;
  if (x < 0) {
    x = -x;
    sign = true;
  }
  let temp: number;
  if (x > 2 ** 28) temp = Log(x) + 6.93147180559945286227e-1;
  else if (x > 2) temp = Log(2 * x + 1 / (Math.sqrt(x * x + 1) + x));
  else if (x < 2 ** -28) temp = x;
  else temp = Math.log1p(x + (x * x) / (1 + Math.sqrt(1 + x * x)));
  return sign ? -temp : temp;
}
/** math.Acosh (acosh.go). */
export function Acosh(x: number): number {
  if (x < 1 || Number.isNaN(x)) return NaN;
  if (x === 1) return 0;
  if (x >= 2 ** 28) return Log(x) + Math.LN2;
  if (x > 2) return Log(2 * x - 1 / (x + Math.sqrt(x * x - 1)));
  const t = x - 1;
  return Math.log1p(t + Math.sqrt(2 * t + t * t));
}
/** math.Atanh (atanh.go). */
export function Atanh(x: number): number {
  if (x < -1 || x > 1 || Number.isNaN(x)) return NaN;
  if (x === 1) return Infinity;
  if (x === -1) return -Infinity;
  let sign = false;
  if (x < 0) {
    x = -x;
    sign = true;
  }
  let temp: number;
  if (x < 2 ** -28) temp = x;
  else if (x < 0.5) {
    temp = x + x;
    temp = 0.5 * Math.log1p(temp + (temp * x) / (1 - x));
  } else temp = 0.5 * Math.log1p((x + x) / (1 - x));
  return sign ? -temp : temp;
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
/** An untyped float constant given by its decimal digits (or 1 / them: Log2E = 1 / Ln2), exact. */
function digits(d: string, reciprocal = false): ReturnType<typeof C> {
  const r = ratOfLiteral(d)!;
  const exact = reciprocal ? { n: r.d, d: r.n } : r;
  return C(untypedFloat, ratToDouble(exact), exact);
}
pkg('math', {
  Sqrt: m1('Math.sqrt'),
  Abs: m1('Math.abs'),
  Floor: m1('Math.floor'),
  Ceil: m1('Math.ceil'),
  Log: m1('$P.math.Log'),
  Exp: m1('$P.math.Exp'),
  Sin: m1('$P.math.Sin'),
  Cos: m1('$P.math.Cos'),
  Trunc: m1('Math.trunc'),
  Tan: m1('$P.math.Tan'),
  Asin: m1('$P.math.Asin'),
  Acos: m1('$P.math.Acos'),
  Atan: m1('$P.math.Atan'),
  Sinh: m1('$P.math.Sinh'),
  Cosh: m1('$P.math.Cosh'),
  Tanh: m1('$P.math.Tanh'),
  Log2: m1('$P.math.Log2'),
  Log10: m1('$P.math.Log10'),
  Log1p: m1('Math.log1p'),
  Expm1: m1('Math.expm1'),
  Cbrt: m1('$P.math.Cbrt'),
  Atan2: F(fn([F64, F64], [F64]), (a) => `$P.math.Atan2(${a[0]}, ${a[1]})`),
  Hypot: F(fn([F64, F64], [F64]), (a) => `$P.math.Hypot(${a[0]}, ${a[1]})`),
  Signbit: F(fn([F64], [tBool]), (a) => `$P.math.Signbit(${a[0]})`),
  Copysign: F(fn([F64, F64], [F64]), (a) => `$P.math.Copysign(${a[0]}, ${a[1]})`),
  Float64bits: F(fn([F64], [basic('uint64')]), (a) => `$P.math.Float64bits(${a[0]})`),
  Float64frombits: F(fn([basic('uint64')], [F64]), (a) => `$P.math.Float64frombits(${a[0]})`),
  Round: F(fn([F64], [F64]), (a) => `$P.math.Round(${a[0]})`),
  Pow: F(fn([F64, F64], [F64]), (a) => `$P.math.Pow(${a[0]}, ${a[1]})`),
  Max: F(fn([F64, F64], [F64]), (a) => `Math.max(${a[0]}, ${a[1]})`),
  Min: F(fn([F64, F64], [F64]), (a) => `Math.min(${a[0]}, ${a[1]})`),
  Inf: F(fn([tInt], [F64]), (a) => `(${a[0]} >= 0 ? Infinity : -Infinity)`),
  IsNaN: F(fn([F64], [tBool]), (a) => `Number.isNaN(${a[0]})`),
  // math/const.go's mathematical constants: untyped, exact to its digits (math.Pi / 6 is folded from
  // them, not from the double π: compiler/exact.ts), their doubles the nearest to those digits
  Pi: digits('3.14159265358979323846264338327950288419716939937510582097494459'),
  E: digits('2.71828182845904523536028747135266249775724709369995957496696763'),
  Phi: digits('1.61803398874989484820458683436563811772030917980576286213544862'),
  Sqrt2: digits('1.41421356237309504880168872420969807856967187537694807317667974'),
  SqrtE: digits('1.64872127070012814684865078781416357165377610071014801157507931'),
  SqrtPi: digits('1.77245385090551602729816748334114518279754945612238712821380779'),
  SqrtPhi: digits('1.27201964951406896425242246173749149171560804184009624861664038'),
  Ln2: digits('0.693147180559945309417232121458176568075500134360255254120680009'),
  Log2E: digits('0.693147180559945309417232121458176568075500134360255254120680009', true),
  Ln10: digits('2.30258509299404568401799145468436420760110148862877297603332790'),
  Log10E: digits('2.30258509299404568401799145468436420760110148862877297603332790', true),
  Frexp: F(fn([F64], [F64, tInt]), (a) => `$P.math.Frexp(${a[0]})`),
  Ldexp: F(fn([F64, tInt], [F64]), (a) => `$P.math.Ldexp(${a[0]}, ${a[1]})`),
  Modf: F(fn([F64], [F64, F64]), (a) => `$P.math.Modf(${a[0]})`),
  RoundToEven: F(fn([F64], [F64]), (a) => `$P.math.RoundToEven(${a[0]})`),
  Dim: F(fn([F64, F64], [F64]), (a) => `$P.math.Dim(${a[0]}, ${a[1]})`),
  Nextafter: F(fn([F64, F64], [F64]), (a) => `$P.math.Nextafter(${a[0]}, ${a[1]})`),
  Asinh: m1('$P.math.Asinh'),
  Acosh: m1('$P.math.Acosh'),
  Atanh: m1('$P.math.Atanh'),
  Exp2: m1('$P.math.Exp2'),
  Sincos: F(fn([F64], [F64, F64]), (a) => `(($x) => [$P.math.Sin($x), $P.math.Cos($x)])(${a[0]})`),
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
