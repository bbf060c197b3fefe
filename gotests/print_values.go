package main

// The builtin println's formats (runtime/print.go): floats (go1.19 fixed exponent form, go1.26
// shortest), float32, infinities and NaN, nil and non-nil slices as [len/cap]pointer.

import "math"

func main() {
	var f32 float32 = 0.1
	println(1.5, -2.25, 1e6, 123456.0, 1e-5, 0.0001, 1e21, f32, float32(1)/3)
	println(math.Inf(1), math.Inf(-1), math.NaN(), -0.0, 100.0)
	var s []int
	println(s == nil, len(s))
	print(s, "\n")
}
