package main

// A constant assigned to a float32 is rounded to float32 (test/literal.go of Go's own tests
// compares 1e-10 with 1/1e+10 in float32).

import "fmt"

func equal(a, b float32) bool { return a == b }

const c32 float32 = 0.1

func half(f float32) float32 { return f / 2 }

func main() {
	var f09 float32 = 1e-10
	var f10 float32 = 1e+10
	var f13 float32 = .1e-10
	var f15 float32 = 1.1e-10
	var f16 float32 = 1.1e+10
	fmt.Println(equal(f09, 1/f10), equal(f13, f09/10.0), equal(f15, f16/1e20))
	fmt.Println(float64(f09), float64(f13), float64(c32), float64(half(0.3)))
	var x float32
	x = 0.7
	fmt.Println(float64(x), x == 0.7, float64(x) == 0.7)
	s := []float32{0.1, 0.2}
	fmt.Println(float64(s[0]+s[1]), s[0]+s[1])
}
