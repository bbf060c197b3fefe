package main

import "fmt"

type List[T any] struct {
	next *List[T]
	val  T
}

type Pair[K comparable, V any] struct {
	k K
	v V
}

func Max[T int | float64](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func main() {
	var l List
	var p Pair[string]
	f := Max
	g := Max[int, int](1, 2)
	fmt.Println(l, p, f, g)
}
