// Run-time names of function-scoped types (go1.20+ unified IR, go1.26.8 recorded; go1.19.8 rejects
// type declarations inside generic functions): %T of a local type is main.L; as a type argument it
// carries its package-wide number (main.G[main.L·3]); a type declared in a generic function
// instance carries the instance's type arguments before a ";" (main.P[int;int]).
package main

import "fmt"

type G[T any] struct{ x T }

func F[A any]() {
	type Loc struct{}
	type P[B any] struct{}
	fmt.Printf("%T %T %T %v\n", Loc{}, P[int]{}, G[Loc]{}, []any{G[P[A]]{}})
}

func main() {
	type L int
	type M struct{}
	fmt.Printf("%T %T %T\n", L(0), G[L]{}, G[map[M]L]{})
	F[int]()
	F[L]()
}
