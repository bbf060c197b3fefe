/**
 * Package math beyond the basics: math/const.go's constants (Sqrt2 … Log10E) and the functions that
 * take a float64 apart — Frexp, Ldexp (subnormals, overflow), Modf (signed zero, Inf), RoundToEven,
 * Nextafter, Dim, Exp2, Sincos, Asinh/Acosh/Atanh. A Tour of Go's "methods-continued" uses math.Sqrt2,
 * which gmpsim reported unsupported before.
 *
 * The expected output was printed by this program built with go1.26.8 (/usr/local/go/bin/go) and with
 * go1.19.8 (/usr/lib/go-1.19/bin/go) on the reference machine: the same bytes.
 */
import { describe, expect, it } from 'vitest';
import { runGo } from './harness.js';
import type { GoRelease } from '../../src/runtime/version.js';

const program = `package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(math.Sqrt2, math.SqrtE, math.SqrtPi, math.SqrtPhi, math.Phi, math.Ln2, math.Log2E, math.Ln10, math.Log10E)
	for _, f := range []float64{0, -0.0, 1, -1, 0.5, 3.75, -3.75, 1e308, 5e-324, 2.5e-310, math.Inf(1), math.Inf(-1), 1024, 0.1} {
		fr, e := math.Frexp(f)
		i, m := math.Modf(f)
		fmt.Println(f, fr, e, math.Ldexp(fr, e), i, m, math.RoundToEven(f), math.Nextafter(f, 0), math.Nextafter(f, 10))
	}
	fmt.Println(math.Ldexp(1, -1074), math.Ldexp(1, -1075), math.Ldexp(0.75, -1074), math.Ldexp(1.5, 1023), math.Ldexp(1, 1024), math.Ldexp(-3, 5))
	for _, f := range []float64{0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4999, 3.5000001, -0.4} {
		fmt.Println(f, math.RoundToEven(f), math.Round(f))
	}
	fmt.Println(math.Dim(5, 3), math.Dim(3, 5), math.Exp2(10), math.Exp2(-1))
	s, c := math.Sincos(0)
	fmt.Println(s, c, math.Asinh(0), math.Acosh(1), math.Atanh(0))
	fmt.Printf("%.3f %.3f %.3f\\n", math.Asinh(1), math.Acosh(2), math.Atanh(0.5))
}
`;
const want = `1.4142135623730951 1.6487212707001282 1.772453850905516 1.272019649514069 1.618033988749895 0.6931471805599453 1.4426950408889634 2.302585092994046 0.4342944819032518
0 0 0 0 0 0 0 0 5e-324
0 0 0 0 0 0 0 0 5e-324
1 0.5 1 1 1 0 1 0.9999999999999999 1.0000000000000002
-1 -0.5 1 -1 -1 -0 -1 -0.9999999999999999 -0.9999999999999999
0.5 0.5 0 0.5 0 0.5 0 0.49999999999999994 0.5000000000000001
3.75 0.9375 2 3.75 3 0.75 4 3.7499999999999996 3.7500000000000004
-3.75 -0.9375 2 -3.75 -3 -0.75 -4 -3.7499999999999996 -3.7499999999999996
1e+308 0.5562684646268004 1024 1e+308 1e+308 0 1e+308 9.999999999999998e+307 9.999999999999998e+307
5e-324 0.5 -1073 5e-324 0 5e-324 0 0 1e-323
2.5e-310 0.7190772539449313 -1028 2.5e-310 0 2.5e-310 0 2.49999999999997e-310 2.50000000000007e-310
+Inf +Inf 0 +Inf +Inf NaN +Inf 1.7976931348623157e+308 1.7976931348623157e+308
-Inf -Inf 0 -Inf -Inf NaN -Inf -1.7976931348623157e+308 -1.7976931348623157e+308
1024 0.5 11 1024 1024 0 1024 1023.9999999999999 1023.9999999999999
0.1 0.8 -3 0.1 0 0.1 0 0.09999999999999999 0.10000000000000002
5e-324 0 5e-324 1.348269851146737e+308 +Inf -96
0.5 0 1
1.5 2 2
2.5 2 3
-0.5 -0 -1
-1.5 -2 -2
-2.5 -2 -3
2.4999 2 2
3.5000001 4 4
-0.4 -0 -0
2 0 1024 0.5
0 1 0 0 0
0.881 1.317 0.549
`;

describe.each(['1.19', '1.26'] as GoRelease[])('package math (go%s)', (release) => {
  it('constants and float64 decomposition print as real Go prints them', () => {
    const { compile, res } = runGo(program, {}, {}, 20e9, release);
    expect(compile).toBeNull();
    expect(res!.stdout).toBe(want);
  });
});

/**
 * math/cmplx (Sqrt's rescaling, Abs through Go's Hypot, Polar, Rect, Exp, Log, Inf/NaN) and math.Hypot
 * itself (Go's max × sqrt(1 + (min/max)²), not JavaScript's Math.hypot). A Tour of Go's basics/basic-types
 * imports math/cmplx, which gmpsim reported unsupported before. Printed by go1.26.8 and go1.19.8 alike.
 */
const cmplxProgram = `package main

import (
	"fmt"
	"math"
	"math/cmplx"
)

func main() {
	z := cmplx.Sqrt(-5 + 12i)
	fmt.Println(z, cmplx.Sqrt(-4), cmplx.Sqrt(2i), cmplx.Sqrt(1e300+1e300i), cmplx.Sqrt(3e-310+1e-310i))
	fmt.Println(cmplx.Abs(3+4i), cmplx.Abs(1+1i), cmplx.Conj(1+2i), cmplx.Phase(-1), cmplx.Phase(1i))
	r, th := cmplx.Polar(1 + 1i)
	fmt.Println(r, th, cmplx.Rect(2, 0), cmplx.Exp(0), cmplx.Log(1))
	fmt.Println(cmplx.IsInf(cmplx.Inf()), cmplx.IsNaN(cmplx.NaN()), cmplx.IsNaN(complex(math.NaN(), math.Inf(1))))
	for _, p := range [][2]float64{{3, 4}, {1e308, 1e308}, {1, 1e-300}, {0.1, 0.2}, {5e-324, 5e-324}, {12345.678, 0.000123}} {
		fmt.Println(math.Hypot(p[0], p[1]))
	}
	var (
		ToBe   bool       = false
		MaxInt uint64     = 1<<64 - 1
		c      complex128 = cmplx.Sqrt(-5 + 12i)
	)
	fmt.Printf("Type: %T Value: %v\\n", ToBe, ToBe)
	fmt.Printf("Type: %T Value: %v\\n", MaxInt, MaxInt)
	fmt.Printf("Type: %T Value: %v\\n", c, c)
}
`;
const cmplxWant = `(2+3i) (0+2i) (1+1i) (1.09868411346781e+150+4.550898605622274e+149i) (1.7553173018244252e-155+2.848487845931406e-156i)
5 1.4142135623730951 (1-2i) 3.141592653589793 1.5707963267948966
1.4142135623730951 0.7853981633974483 (2+0i) (1+0i) (0+0i)
true true false
5
1.4142135623730951e+308
1
0.223606797749979
5e-324
12345.678
Type: bool Value: false
Type: uint64 Value: 18446744073709551615
Type: complex128 Value: (2+3i)
`;

describe.each(['1.19', '1.26'] as GoRelease[])('package math/cmplx (go%s)', (release) => {
  it('complex square roots, moduli and phases print as real Go prints them', () => {
    const { compile, res } = runGo(cmplxProgram, {}, {}, 20e9, release);
    expect(compile).toBeNull();
    expect(res!.stdout).toBe(cmplxWant);
  });
});

describe("math's fused multiply-add (exp_amd64.s's FMA path): rounded once", () => {
  it('keeps what a separate multiply loses, and agrees with the exact integer computation', async () => {
    const { fma, fmaExact } = await import('../../src/golang/std/math.js');
    // (1 + 2^-30)(1 - 2^-30) - 1 = -2^-60 exactly; a multiply then an add gives 0
    expect(fma(1 + 2 ** -30, 1 - 2 ** -30, -1)).toBe(-(2 ** -60));
    expect((1 + 2 ** -30) * (1 - 2 ** -30) - 1).toBe(0);
    expect(fma(0.1, 10, -1)).toBe(5.551115123125783e-17);
    expect(Object.is(fma(-0, 1, 0), 0)).toBe(true);
    expect(fma(2 ** 600, 2 ** 600, -Infinity)).toBe(-Infinity);
    // a fixed pseudo-random sweep, cancellations included: the fast path equals the exact one
    let s = 12345;
    const rnd = (): number => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return s / 2147483648;
    };
    for (let i = 0; i < 20000; i++) {
      const a = (rnd() - 0.5) * 10 ** Math.floor(rnd() * 40 - 20);
      const b = (rnd() - 0.5) * 10 ** Math.floor(rnd() * 40 - 20);
      const c = i % 2 === 0 ? -a * b * (1 + (rnd() - 0.5) * 1e-15) : (rnd() - 0.5) * 10 ** Math.floor(rnd() * 40 - 20);
      expect(Object.is(fma(a, b, c), fmaExact(a, b, c))).toBe(true);
    }
  });
});
