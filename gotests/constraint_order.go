// A constraint uniting interfaces declared after it in the file (OrderedNumeric | Complex), used on
// ints and complex numbers.

package main

import "fmt"

type Numeric interface {
	OrderedNumeric | Complex
}

func absDifference[T Numeric](a, b T) T {
	return a - b
}

type OrderedNumeric interface {
	~int | ~float64
}

type Complex interface {
	~complex64 | ~complex128
}

func main() {
	fmt.Println(absDifference(3, 1), absDifference(1+2i, 1i))
}
