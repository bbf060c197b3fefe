package main

import "fmt"

type Pair[A, B any] struct {
	a A
	b B
}

func NewPair[A, B any](a A, b B) Pair[A, B] { return Pair[A, B]{a, b} }

func apply[A, B any](f func(A, B) Pair[A, B], a A, b B) Pair[A, B] { return f(a, b) }

// F[A, B] used as a value, at the end of a line and inside a call (@lezer/go parses it only as a callee).
func main() {
	f := NewPair[int, string]
	fmt.Println(f(1, "a"))
	fmt.Println(apply(NewPair[string, int], "x", 2))
	var xs = []int{1, 2}
	i := xs[1]
	fmt.Println(i, xs[0:1])
}
