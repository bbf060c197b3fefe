package main

import "fmt"

type Number interface {
	~int | ~float64
}

func Add[T any](a, b T) T {
	return a + b
}

func Str[T any](x T) string {
	return x.String()
}

func Neg[T Number](x T) T {
	return -x
}

func Mod[T Number](x, y T) T {
	return x % y
}

type Box[T any] struct{ v T }

func (b Box[T]) Len() int { return len(b.v) }

func main() {
	fmt.Println(Neg(2))
}
