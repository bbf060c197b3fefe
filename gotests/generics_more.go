package main

import (
	"fmt"
	"strconv"
)

// An import used only in a generic function that is never instantiated counts as used.
func unused[T any](x T) string { return strconv.Quote(fmt.Sprint(x)) }

// Receivers naming their type parameters _ .
type Box[T any] struct{ v T }

func (Box[_]) Kind() string       { return "box" }
func (b *Box[T]) Set(v T)         { b.v = v }
func (b Box[T]) Get() T           { return b.v }
func (b Box[T]) Map(f func(T) T) Box[T] { return Box[T]{f(b.v)} }

// An embedded alias of an instance is a field named by the alias.
type BoxInt = Box[int]

type Holder struct {
	BoxInt
	*Box[string]
}

// Constraint type inference through a generic constraint with a core type.
type Setter[B any] interface {
	Set(string)
	*B
}

type Settable struct{ s string }

func (p *Settable) Set(s string) { p.s = s }

func FromStrings[T any, PT Setter[T]](ss []string) []T {
	out := make([]T, len(ss))
	for i, s := range ss {
		p := PT(&out[i])
		p.Set(s)
	}
	return out
}

// Inference through a generic function type.
type Func2[A, B, R any] func(A, B) R

func Apply[A, B, R any](f Func2[A, B, R], a A, b B) R { return f(a, b) }

// x.(T) where T is a type parameter: checked when run, not against the instance at compile time.
type Fooer interface{ Foo() int }

type impl int

func (i impl) Foo() int { return int(i) }

func Get[T any](x Fooer) (T, bool) {
	v, ok := x.(T)
	return v, ok
}

func two[T any](x T) (T, bool) { return x, true }

type Counter[T comparable] struct{ m map[T]int }

func (c *Counter[T]) Add(v T) int {
	if c.m == nil {
		c.m = map[T]int{}
	}
	c.m[v]++
	return c.m[v]
}

func main() {
	var b Box[int]
	b.Set(4)
	fmt.Println(b.Kind(), b.Get(), b.Map(func(i int) int { return i * i }).Get())
	h := Holder{BoxInt{1}, &Box[string]{"s"}}
	fmt.Println(h.BoxInt.v, h.Box.v)
	fmt.Println(FromStrings[Settable]([]string{"x", "y"}))
	fmt.Println(Apply(func(a int, b string) string { return b + strconv.Itoa(a) }, 7, "n"))
	fmt.Println(Get[impl](impl(3)))
	fmt.Println(Get[string](impl(3)))
	println(two(5))
	var c Counter[string]
	add := c.Add
	add("a")
	fmt.Println(add("a"), c.Add("b"))
	fmt.Printf("%T %T\n", add, &c)
}
