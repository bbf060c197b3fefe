package main

// A constant named iota declared in a const block is an ordinary constant: the implicit
// repetitions after it use it, not the predeclared iota (test/const8.go of Go's own tests).

import "fmt"

const X = 2

func main() {
	const (
		A    = iota
		iota = iota
		B
		C
	)
	fmt.Println(A, B, C)
	const (
		X = X + X
		Y
		Z = iota
	)
	fmt.Println(X, Y, Z)
	{
		const (
			P = iota * 10
			Q
		)
		fmt.Println(P, Q)
	}
}

const (
	K0 = iota * 3
	K1
	K2
)

func init() { fmt.Println(K0, K1, K2) }
