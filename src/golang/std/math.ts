/**
 * Package math: the float64 functions are JS's Math (both IEEE 754 double precision), the integer
 * limits are Go's constants (math/const.go).
 *
 * Simplified: constants are JS numbers, so MaxInt and MaxInt64 are 2^63 (the nearest double to
 * 2^63-1; integers are JS numbers throughout the frontend); the functions not listed are unsupported.
 */
import { basic, tBool, tFloat64, tInt } from '../types.js';
import { pkg, F, C, fn, subset } from './registry.js';

/** math.Round: half away from zero (JS's Math.round rounds half up). */
export function Round(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/**
 * math.Float32bits / Float32frombits (math/unsafe.go): the IEEE 754 binary32 bits, through a
 * DataView (exact: uint32 is a JS number). The float64 pair needs exact uint64 values, which the
 * frontend does not have (integers are JS numbers), so it stays unsupported.
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
  Round: F(fn([F64], [F64]), (a) => `$P.math.Round(${a[0]})`),
  Pow: F(fn([F64, F64], [F64]), (a) => `Math.pow(${a[0]}, ${a[1]})`),
  Max: F(fn([F64, F64], [F64]), (a) => `Math.max(${a[0]}, ${a[1]})`),
  Min: F(fn([F64, F64], [F64]), (a) => `Math.min(${a[0]}, ${a[1]})`),
  Inf: F(fn([tInt], [F64]), (a) => `(${a[0]} >= 0 ? Infinity : -Infinity)`),
  IsNaN: F(fn([F64], [tBool]), (a) => `Number.isNaN(${a[0]})`),
  Pi: C(untypedFloat, Math.PI),
  E: C(untypedFloat, Math.E),
  MaxInt: C(untypedInt, 9223372036854775807),
  MinInt: C(untypedInt, -9223372036854775808),
  MaxInt64: C(untypedInt, 9223372036854775807),
  MinInt64: C(untypedInt, -9223372036854775808),
  MaxInt32: C(untypedInt, 2147483647),
  MinInt32: C(untypedInt, -2147483648),
  MaxUint32: C(untypedInt, 4294967295),
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
