package main

// Untyped float constants are folded exactly (spec, "Constant expressions") and rounded once when
// used: math.Pi / 6 is the double nearest π/6, not the double π divided by 6. And math.Sin, Cos,
// Tan are Go's own (math/sin.go, math/tan.go, trig_reduce.go), not the C library's: the last bits
// of many results differ between the two.

import (
	"fmt"
	"math"
)

const angle = math.Pi / 6
const deg = math.Pi / 180
const third = 1.0 / 3
const tenth = 0.1

var sin30, cos30 = math.Sin(angle), math.Cos(angle)

func main() {
	fmt.Println(angle, deg, third*3, tenth*3, 0.1+0.2, -angle*2)
	a, b := 0.1, 0.2
	fmt.Println(a+b, 0.1+0.2 == 0.3, a+b == 0.3)
	fmt.Println(math.Log2E, math.Log10E, math.Ln2*math.Log2E, math.E*math.E, math.Sqrt2*math.Sqrt2)
	fmt.Println(1e23/1e22, 3*deg, 45*deg, 1e-320/10, (1<<62)/3.0, 0x1.8p-2/3)
	const typed float64 = math.Pi
	fmt.Println(typed/6, float32(math.Pi)/6)
	fmt.Println(sin30, cos30)

	// Sin, Cos, Tan over many magnitudes, both signs (hashed), and some values printed
	var h [3]uint64
	x := 1e-9
	n := 0
	for x < 1e22 {
		for _, v := range []float64{x, -x} {
			h[0] = h[0]*31 + math.Float64bits(math.Sin(v))
			h[1] = h[1]*31 + math.Float64bits(math.Cos(v))
			h[2] = h[2]*31 + math.Float64bits(math.Tan(v))
			n++
		}
		x *= 1.0137
	}
	fmt.Println(n, h[0], h[1], h[2])
	for _, v := range []float64{0.1, 1, 2, 3, 10, 100, 1e6, 1 << 29, 1e10, 1e300} {
		s, c := math.Sincos(v)
		fmt.Println(v, math.Sin(v), math.Cos(v), math.Tan(v), s, c)
	}
	fmt.Println(math.Sin(math.Inf(1)), math.Cos(math.NaN()), math.Tan(math.Copysign(0, -1)))
}
