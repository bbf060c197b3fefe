// Complex numbers: complex64/complex128 arithmetic, builtins, constants, println (go1.19 and go1.26
// formats differ) and fmt verbs, map keys, interfaces, conversions.

package main

import "fmt"

const c0 = 1 + 2i

type T struct {
	a complex64
	b complex128
}

func main() {
	var a complex128 = complex(1, 2)
	b := 3 - 4i
	println(a, b, a+b, a-b, a*b, a/b)
	var f complex64 = complex(float32(1.5), 2.25)
	println(f, f*f, f/3)
	println(real(a), imag(b), real(f))
	fmt.Println(a, b, a*b, f, c0)
	fmt.Printf("%v %g %f %e %.2f %8.3f|%T %T\n", a, b, a, b, a, f, a, f)
	fmt.Printf("%+v %v\n", T{f, a}, T{})
	var z complex128
	println(z == 0, a == complex(1, 2), a != b)
	m := map[complex128]int{1i: 1, 2: 2}
	m[1i]++
	fmt.Println(m, len(m))
	var i interface{} = a
	fmt.Println(i == interface{}(complex(1, 2)))
	x := 0i
	fmt.Println(1/x, a/x)
	const k = (1 + 2i) * (3 - 1i)
	fmt.Println(k, real(k), imag(c0))
	var fl float64 = real(k)
	fmt.Println(fl, complex64(a), complex128(f))
	a += 1
	a *= 2i
	fmt.Println(a, -a)
	s := []complex64{1, 2i}
	fmt.Println(s)
	fmt.Printf("%v %.3g\n", complex(1e21, -1e-7), complex(3.14159, 0))
}
