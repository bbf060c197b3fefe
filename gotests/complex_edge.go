// Complex numbers at the edges: division by zero and infinities (runtime.complex128div), NaN
// equality and NaN map keys (float and complex), complex64 rounding, named complex types, reflect.

package main

import (
	"fmt"
	"math"
	"reflect"
)

type C64 complex64

func main() {
	// division by zero and infinities (runtime.complex128div), NaN equality
	zero := 0.0
	inf := math.Inf(1)
	nan := math.NaN()
	a := complex(1, 1)
	fmt.Println(a/complex(zero, zero), complex(inf, 0)/a, a/complex(inf, inf), complex(nan, 0) == complex(nan, 0))
	println(complex(nan, 1), complex(inf, -inf), complex64(complex(1.5, -2.5)))
	// complex64 rounding of each part
	var f complex64 = complex(float32(0.1), float32(0.2))
	g := f * f
	fmt.Println(g, real(g), imag(g), complex128(g))
	// untyped complex constants
	const k = 2i * 2i
	var fl float64 = k
	var n int = k
	fmt.Println(k, fl, n, real(3), imag(4i), complex(1, 2) == 1+2i)
	// a named complex type, reflect
	var c C64 = 3 + 4i
	fmt.Printf("%v %T %v %v\n", c, c, reflect.TypeOf(c).Kind(), reflect.ValueOf(complex128(c)).Complex())
	fmt.Println(reflect.DeepEqual([]complex128{1, 2i}, []complex128{1, 2i}))
	// formatting
	fmt.Printf("%+.1f|%10.2e|%-8.1g|%d\n", complex(-1, 0), complex(1e10, -1e-10), complex(0.5, 2), complex(1, 1))
	// maps: NaN keys are all different, -0 == +0
	m := map[complex128]int{}
	m[complex(nan, 0)] = 1
	m[complex(nan, 0)] = 2
	m[complex(0, 0)] = 3
	m[complex(math.Copysign(0, -1), 0)] = 4
	fmt.Println(len(m), m[0])
	fm := map[float64]int{}
	for i := 0; i < 3; i++ {
		fm[nan] = i
	}
	fm[1.5] = 7
	fm[1.5]++
	_, ok := fm[nan]
	fmt.Println(len(fm), fm[1.5], ok)
	delete(fm, nan)
	fmt.Println(len(fm))
	// arrays and structs holding complex values compare and copy by value
	x := [2]complex64{1, 2}
	y := x
	y[0] = 5
	fmt.Println(x == y, x, y)
	var i interface{} = complex64(1)
	switch v := i.(type) {
	case complex128:
		fmt.Println("c128", v)
	case complex64:
		fmt.Println("c64", v)
	}
}
