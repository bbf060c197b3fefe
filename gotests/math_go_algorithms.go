package main

// math's functions are Go's own algorithms, whose last bits differ from the C library's for many
// arguments: Exp and Log (amd64 assembly), Log2, Log10, Pow, Atan, Asin, Acos, Atan2, Sinh, Cosh,
// Tanh, Asinh, Acosh, Atanh, Exp2, Cbrt. Each is hashed over 6,800 arguments from 1e-6 to 700, and
// called on special values.

import (
	"fmt"
	"math"
)

func main() {
	fs := []struct {
		name string
		f    func(float64) float64
	}{
		{"Exp", math.Exp}, {"ExpNeg", func(x float64) float64 { return math.Exp(-x) }},
		{"Log", math.Log}, {"Log2", math.Log2}, {"Log10", math.Log10},
		{"Atan", math.Atan}, {"Asin", func(x float64) float64 { return math.Asin(x / (1 + math.Abs(x))) }},
		{"Acos", func(x float64) float64 { return math.Acos(-x / (1 + math.Abs(x))) }},
		{"Sinh", math.Sinh}, {"Cosh", math.Cosh}, {"Tanh", math.Tanh}, {"TanhNeg", func(x float64) float64 { return math.Tanh(-x / 100) }},
		{"Pow1.5", func(x float64) float64 { return math.Pow(x, 1.5) }}, {"PowBase", func(x float64) float64 { return math.Pow(1.0001, x) }},
		{"PowInt", func(x float64) float64 { return math.Pow(x, 7) }}, {"PowNegInt", func(x float64) float64 { return math.Pow(-x, -3) }},
		{"PowFrac", func(x float64) float64 { return math.Pow(x, -0.37) }},
		{"Atan2", func(x float64) float64 { return math.Atan2(x, 3.3) }}, {"Atan2Neg", func(x float64) float64 { return math.Atan2(-3.3, -x) }},
		{"Asinh", math.Asinh}, {"AsinhNeg", func(x float64) float64 { return math.Asinh(-x * 1e6) }}, {"Acosh", func(x float64) float64 { return math.Acosh(1 + x) }},
		{"Atanh", func(x float64) float64 { return math.Atanh(x / (1 + x)) }}, {"Exp2", math.Exp2}, {"Exp2Neg", func(x float64) float64 { return math.Exp2(-x * 1.5) }},
		{"Cbrt", math.Cbrt}, {"CbrtTiny", func(x float64) float64 { return math.Cbrt(-x * 1e-310) }},
	}
	for _, f := range fs {
		var h uint64
		n := 0
		for x := 1e-6; x < 700; x *= 1.003 {
			h = h*31 + math.Float64bits(f.f(x))
			n++
		}
		fmt.Println(f.name, n, h)
	}
	inf, nan := math.Inf(1), math.NaN()
	negz := math.Copysign(0, -1)
	fmt.Println(math.Exp(0), math.Exp(1), math.Exp(-745.1), math.Exp(-740), math.Exp(709.7), math.Exp(710), math.Exp(-inf), math.Exp(inf), math.Exp(nan), math.Exp(-1e300))
	fmt.Println(math.Log(0), math.Log(-1), math.Log(1), math.Log(math.E), math.Log(5e-324), math.Log(inf), math.Log(nan), math.Log(1e308))
	fmt.Println(math.Log2(8), math.Log2(0.125), math.Log2(10), math.Log10(1000), math.Log10(0.001), math.Log10(2))
	fmt.Println(math.Pow(2, 10), math.Pow(-2, 3), math.Pow(-2, 0.5), math.Pow(0, -1), math.Pow(negz, -3), math.Pow(negz, 3), math.Pow(-1, inf), math.Pow(0.5, inf), math.Pow(2, -inf))
	fmt.Println(math.Pow(-inf, 3), math.Pow(-inf, -2), math.Pow(10, 308), math.Pow(10, 309), math.Pow(10, -320), math.Pow(1.1, 1e10), math.Pow(2, 0.5), math.Pow(9, -0.5), math.Pow(1.5, 1<<62))
	fmt.Println(math.Atan(inf), math.Atan(-1), math.Atan(negz), math.Asin(1), math.Asin(-0.5), math.Asin(2), math.Acos(0), math.Acos(1), math.Acos(-1))
	fmt.Println(math.Atan2(0, -1), math.Atan2(negz, -1), math.Atan2(1, 0), math.Atan2(inf, inf), math.Atan2(inf, -inf), math.Atan2(1, -inf), math.Atan2(-1, -1), math.Atan2(nan, 1))
	fmt.Println(math.Sinh(0), math.Sinh(-1), math.Sinh(30), math.Cosh(-2), math.Cosh(800), math.Tanh(50), math.Tanh(-0.3), math.Tanh(negz))
	fmt.Println(math.Cbrt(27), math.Cbrt(-8), math.Cbrt(negz), math.Cbrt(inf), math.Cbrt(5e-324), math.Exp2(10), math.Exp2(-1074), math.Exp2(1024), math.Exp2(-inf), math.Exp2(0.5))
	fmt.Println(math.Asinh(inf), math.Asinh(-1e300), math.Acosh(0.5), math.Acosh(1e300), math.Atanh(1), math.Atanh(-1), math.Atanh(2), math.Atanh(-0.99))
	// compound interest, the way a program writes it
	p := 1000.0
	for y := 1; y <= 5; y++ {
		fmt.Printf("%d %.10f %v\n", y, p*math.Pow(1+0.05/12, float64(12*y)), p*math.Exp(0.05*float64(y)))
	}
}
