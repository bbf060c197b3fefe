/**
 * Complex numbers (complex64, complex128; runtime/complex.go and the compiler's lowering of complex
 * arithmetic, cmd/compile/internal/ssagen).
 *
 * Design: a complex value is an immutable `Complex` object ({re, im}); operations make new ones, so
 * values are shared freely (no copy on assignment, one zero value). complex128 parts are float64
 * doubles. complex64 parts are float32: the compiler wraps every complex64 result in `c64`, which
 * rounds both parts to float32 — what gc does too: it widens complex64 operands to float64 for
 * multiplication and division and narrows the result (ssagen's "complex64 multiply/divide in
 * float64"), and a single float32 addition is float64 addition rounded once.
 *
 * Division is runtime.complex128div (Smith's algorithm with C99's infinity/zero corrections);
 * dividing by zero gives Inf/NaN parts, never a panic. == compares parts (so NaN parts are unequal,
 * +0 == -0). Map keys and interface equality go through alg.ts, which compares the two fields.
 */

export class Complex {
  constructor(
    readonly re: number,
    readonly im: number,
  ) {}
}

/** complex(re, im) */
export function cx(re: number, im: number): Complex {
  return new Complex(re, im);
}
/** Round both parts to float32 (a complex64 result). */
export function c64(z: Complex): Complex {
  return new Complex(Math.fround(z.re), Math.fround(z.im));
}
export function cadd(a: Complex, b: Complex): Complex {
  return new Complex(a.re + b.re, a.im + b.im);
}
export function csub(a: Complex, b: Complex): Complex {
  return new Complex(a.re - b.re, a.im - b.im);
}
export function cmul(a: Complex, b: Complex): Complex {
  return new Complex(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re);
}
export function cneg(a: Complex): Complex {
  return new Complex(-a.re, -a.im);
}
export function ceq(a: Complex, b: Complex): boolean {
  return a.re === b.re && a.im === b.im;
}

function inf2one(f: number): number {
  const g = f === Infinity || f === -Infinity ? 1 : 0;
  return f < 0 || Object.is(f, -0) ? -g : g;
}
function copysign(x: number, s: number): number {
  const neg = s < 0 || Object.is(s, -0);
  return neg ? -Math.abs(x) : Math.abs(x);
}
const isInf = (f: number): boolean => f === Infinity || f === -Infinity;

/** n / m: runtime.complex128div. */
export function cdiv(n: Complex, m: Complex): Complex {
  let e: number;
  let f: number;
  if (Math.abs(m.re) >= Math.abs(m.im)) {
    const ratio = m.im / m.re;
    const denom = m.re + ratio * m.im;
    e = (n.re + n.im * ratio) / denom;
    f = (n.im - n.re * ratio) / denom;
  } else {
    const ratio = m.re / m.im;
    const denom = m.im + ratio * m.re;
    e = (n.re * ratio + n.im) / denom;
    f = (n.im * ratio - n.re) / denom;
  }
  if (Number.isNaN(e) && Number.isNaN(f)) {
    let a = n.re;
    let b = n.im;
    let c = m.re;
    let d = m.im;
    if (c === 0 && d === 0 && (!Number.isNaN(a) || !Number.isNaN(b))) {
      e = copysign(Infinity, c) * a;
      f = copysign(Infinity, c) * b;
    } else if ((isInf(a) || isInf(b)) && Number.isFinite(c) && Number.isFinite(d)) {
      a = inf2one(a);
      b = inf2one(b);
      e = Infinity * (a * c + b * d);
      f = Infinity * (b * c - a * d);
    } else if ((isInf(c) || isInf(d)) && Number.isFinite(a) && Number.isFinite(b)) {
      c = inf2one(c);
      d = inf2one(d);
      e = 0 * (a * c + b * d);
      f = 0 * (b * c - a * d);
    }
  }
  return new Complex(e, f);
}
