/**
 * Package math/cmplx: elementary functions of complex128 values (rt/complex.ts Complex), following
 * math/cmplx's algorithms and special cases so results print as Go's do — Abs through math.Hypot's
 * max × sqrt(1 + (min/max)²) (math/hypot.go, and hypot_amd64.s's same steps), Sqrt with its rescaling
 * (cmplx/sqrt.go: by 1/4 above 4, by 2^54 below, so the intermediate squares neither overflow nor
 * underflow), Exp/Rect through Sincos, Log as (ln|x|, Phase x).
 *
 * Simplified: sines, cosines, exponentials and logarithms are JavaScript's (as package math's are:
 * Go's pure-Go Sin, Cos, Exp, Log can differ from them in the last bit); the trigonometric,
 * hyperbolic and power functions (Sin, Cosh, Pow, …) are not provided.
 */
import { tBool, tComplex128, tFloat64 } from '../types.js';
import { pkg, F, fn, subset } from './registry.js';
import { Complex } from '../rt/complex.js';
import { Copysign, Hypot } from './math.js';

const C = tComplex128;
const F64 = tFloat64;

/** cmplx.Abs: |x| = math.Hypot(real, imag). */
export function Abs(x: Complex): number {
  return Hypot(x.re, x.im);
}

/** cmplx.IsInf: either part infinite. */
export function IsInf(x: Complex): boolean {
  return Math.abs(x.re) === Infinity || Math.abs(x.im) === Infinity;
}

/** cmplx.IsNaN: either part NaN and neither infinite. */
export function IsNaN(x: Complex): boolean {
  if (IsInf(x)) return false;
  return Number.isNaN(x.re) || Number.isNaN(x.im);
}

/** cmplx.Sqrt (cmplx/sqrt.go): the principal square root; the imaginary part keeps x's sign (also for −0). */
export function Sqrt(x: Complex): Complex {
  if (x.im === 0) {
    if (x.re === 0) return new Complex(0, x.im);
    if (x.re < 0) return new Complex(0, Copysign(Math.sqrt(-x.re), x.im));
    return new Complex(Math.sqrt(x.re), x.im);
  }
  if (Math.abs(x.im) === Infinity) return new Complex(Infinity, x.im);
  if (x.re === 0) {
    if (x.im < 0) {
      const r = Math.sqrt(-0.5 * x.im);
      return new Complex(r, -r);
    }
    const r = Math.sqrt(0.5 * x.im);
    return new Complex(r, r);
  }
  let a = x.re;
  let b = x.im;
  let scale: number;
  // rescale to avoid internal overflow or underflow
  if (Math.abs(a) > 4 || Math.abs(b) > 4) {
    a *= 0.25;
    b *= 0.25;
    scale = 2;
  } else {
    a *= 1.8014398509481984e16; // 2^54
    b *= 1.8014398509481984e16;
    scale = 7.450580596923828125e-9; // 2^-27
  }
  let r = Hypot(a, b);
  let t: number;
  if (a > 0) {
    t = Math.sqrt(0.5 * r + 0.5 * a);
    r = scale * Math.abs((0.5 * b) / t);
    t *= scale;
  } else {
    r = Math.sqrt(0.5 * r - 0.5 * a);
    t = scale * Math.abs((0.5 * b) / r);
    r *= scale;
  }
  return b < 0 ? new Complex(t, -r) : new Complex(t, r);
}

/** cmplx.Phase: the argument, atan2(imag, real), in [−π, π]. */
export function Phase(x: Complex): number {
  return Math.atan2(x.im, x.re);
}

/** cmplx.Rect: r·e^{iθ} = (r cos θ, r sin θ). */
export function Rect(r: number, theta: number): Complex {
  return new Complex(r * Math.cos(theta), r * Math.sin(theta));
}

/** cmplx.Exp (cmplx/exp.go): e^x, with its infinite and NaN cases. */
export function Exp(x: Complex): Complex {
  const re = x.re;
  const im = x.im;
  if (Math.abs(re) === Infinity) {
    if (re > 0 && im === 0) return x;
    if (Math.abs(im) === Infinity || Number.isNaN(im)) {
      if (re < 0) return new Complex(0, Copysign(0, im));
      return new Complex(Infinity, NaN);
    }
  } else if (Number.isNaN(re) && im === 0) return new Complex(NaN, im);
  const r = Math.exp(re);
  return new Complex(r * Math.cos(im), r * Math.sin(im));
}

/** cmplx.Log: the natural logarithm, (ln |x|, Phase x). */
export function Log(x: Complex): Complex {
  return new Complex(Math.log(Abs(x)), Phase(x));
}

pkg('math/cmplx', {
  Abs: F(fn([C], [F64]), (a) => `$P.math_cmplx.Abs(${a[0]})`),
  Sqrt: F(fn([C], [C]), (a) => `$P.math_cmplx.Sqrt(${a[0]})`),
  Conj: F(fn([C], [C]), (a) => `(($x) => $L.cx($x.re, -$x.im))(${a[0]})`),
  Phase: F(fn([C], [F64]), (a) => `$P.math_cmplx.Phase(${a[0]})`),
  Polar: F(fn([C], [F64, F64]), (a) => `(($x) => [$P.math_cmplx.Abs($x), $P.math_cmplx.Phase($x)])(${a[0]})`),
  Rect: F(fn([F64, F64], [C]), (a) => `$P.math_cmplx.Rect(${a[0]}, ${a[1]})`),
  Exp: F(fn([C], [C]), (a) => `$P.math_cmplx.Exp(${a[0]})`),
  Log: F(fn([C], [C]), (a) => `$P.math_cmplx.Log(${a[0]})`),
  Inf: F(fn([], [C]), () => `$L.cx(Infinity, Infinity)`),
  NaN: F(fn([], [C]), () => `$L.cx(NaN, NaN)`),
  IsInf: F(fn([C], [tBool]), (a) => `$P.math_cmplx.IsInf(${a[0]})`),
  IsNaN: F(fn([C], [tBool]), (a) => `$P.math_cmplx.IsNaN(${a[0]})`),
  $unsupported: subset(),
});
