package main

// fmt's %x and %X of floats and complex numbers: strconv's hexadecimal form (-0x1.hhhp±dd), all
// mantissa digits without a precision, rounded half to even with one, denormals, float32 operands.
// (The '#' flag's zero padding of %x is not modelled.)

import (
	"fmt"
	"math"
)

func main() {
	for _, v := range []float64{3.5, -0.1, 0, 1, 1e300, 5e-324, math.MaxFloat64, 0.75, -2, math.Inf(1), math.NaN()} {
		fmt.Printf("%x %X %.3x %.0x %10.2x|\n", v, v, v, v, v)
	}
	fmt.Printf("%x %x %.1x\n", float32(0.1), float32(3.5), float32(1.96875))
	fmt.Printf("%x\n", complex(1.5, -2))
}
