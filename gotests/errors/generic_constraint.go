package main

import "fmt"

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Eq[T comparable](a, b T) bool { return a == b }

type Shower interface{ Show() string }

func Show[T Shower](x T) string { return x.Show() }

type P struct{}

func (*P) Show() string { return "p" }

func main() {
	fmt.Println(Sum([]string{"a"}))
	fmt.Println(Eq([]int{}, nil))
	fmt.Println(Show(3))
	fmt.Println(Show(P{}))
	fmt.Println(Sum[int32](nil))
}
