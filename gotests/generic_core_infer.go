// Constraint type inference through core types: a generic constraint's type arguments from the
// inferred parameter (S SliceOf[E]: S = MySlice gives E = int), a struct core type beside methods
// (~struct{ V T }; M() T), and a tilde core type that does not fix an unknown parameter by itself.
package main

import "fmt"

type SliceOf[E any] interface{ ~[]E }

type MySlice []int

func Double[S SliceOf[E], E ~int | ~float64](s S) S {
	r := make(S, len(s))
	for i, v := range s {
		r[i] = v + v
	}
	return r
}

type Box[T any] struct{ V T }

func (b Box[T]) Get() T { return b.V }

func Unbox[T any, B interface {
	~struct{ V T }
	Get() T
}](b B) T {
	return b.Get()
}

func First[S ~[]E, E any](s S) E { return s[0] }

func main() {
	d := Double(MySlice{1, 2, 3})
	fmt.Printf("%T %v\n", d, d)
	fmt.Println(Unbox(Box[string]{"x"}), Unbox(Box[int]{7}))
	fmt.Println(First(MySlice{4, 5}), First([]string{"a"}))
}
