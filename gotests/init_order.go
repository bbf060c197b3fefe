// Package variables initialise in dependency order (spec, "Package initialization"): the earliest
// variable whose dependencies are initialised first, dependencies also through the functions an
// initialiser calls; a constant may use a variable's type (len of an array-typed variable,
// test/const4.go).
package main

import "fmt"

var trace []string

var (
	a = c + b // after b and c
	b = f()   // f uses d: after d
	c = f()
	d = 3
)

const n = len(arr.x)

var arr struct{ x [7]int }

var called = false

var x = g()

func g() int {
	called = true
	trace = append(trace, "g")
	return 1
}

func f() int {
	d++
	trace = append(trace, fmt.Sprint("f", d))
	return d
}

func main() {
	fmt.Println(a, b, c, d, n, called, x, trace)
}
