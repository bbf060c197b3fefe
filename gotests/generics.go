package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Constraints: methods, type sets (~T, unions), comparable, any.
type Integer interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64
}

type Float interface{ ~float32 | ~float64 }

type Ordered interface {
	Integer | Float | ~string
}

type Number interface {
	Integer | Float
}

func Max[T Ordered](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

// Wrap-around at the instantiated integer's size.
func Double[T Integer](x T) T { return x * 2 }

func Inc[T Integer](x T) T {
	x++
	return x
}

// Function argument inference, constraint type inference (S ~[]E), explicit instantiation.
func Map[S ~[]E, E, R any](s S, f func(E) R) []R {
	r := make([]R, 0, len(s))
	for _, x := range s {
		r = append(r, f(x))
	}
	return r
}

func Filter[S ~[]E, E any](s S, keep func(E) bool) S {
	var out S
	for i := range s {
		if keep(s[i]) {
			out = append(out, s[i])
		}
	}
	return out
}

func Reduce[E, A any](s []E, init A, f func(A, E) A) A {
	acc := init
	for _, x := range s {
		acc = f(acc, x)
	}
	return acc
}

func Keys[M ~map[K]V, K comparable, V any](m M) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	return keys
}

func Index[T comparable](s []T, x T) int {
	for i, v := range s {
		if v == x {
			return i
		}
	}
	return -1
}

func Zero[T any]() T {
	var z T
	return z
}

func Convert[To, From Number](x From) To { return To(x) }

// Type switches and assertions on T-typed values through interfaces.
func Kind[T any](x T) string {
	switch v := any(x).(type) {
	case int:
		return fmt.Sprintf("int %d", v)
	case string:
		return "string " + v
	case fmt.Stringer:
		return "Stringer " + v.String()
	case []T:
		return "slice of T"
	}
	return fmt.Sprintf("other %T", x)
}

func As[T any](x any) (T, bool) {
	v, ok := x.(T)
	return v, ok
}

// Constraint with a method.
type Shower interface{ Show() string }

func ShowAll[T Shower](xs []T) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = x.Show()
	}
	return strings.Join(parts, ",")
}

// Generic types with methods.
type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) Pop() (T, error) {
	var zero T
	if len(s.items) == 0 {
		return zero, errors.New("empty stack")
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, nil
}

func (s Stack[T]) Len() int { return len(s.items) }

type List[T any] struct {
	next *List[T]
	val  T
}

func (l *List[T]) Push(v T) *List[T] { return &List[T]{next: l, val: v} }

func (l *List[T]) Each(f func(T)) {
	for p := l; p != nil; p = p.next {
		f(p.val)
	}
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

type Tree[T Ordered] struct {
	root *node[T]
	size int
}

type node[T Ordered] struct {
	v           T
	left, right *node[T]
}

func (t *Tree[T]) Insert(v T) bool {
	p := &t.root
	for *p != nil {
		switch {
		case v < (*p).v:
			p = &(*p).left
		case v > (*p).v:
			p = &(*p).right
		default:
			return false
		}
	}
	*p = &node[T]{v: v}
	t.size++
	return true
}

func (t *Tree[T]) Walk(f func(T)) { walk(t.root, f) }

func walk[T Ordered](n *node[T], f func(T)) {
	if n == nil {
		return
	}
	walk(n.left, f)
	f(n.v)
	walk(n.right, f)
}

type Set[T comparable] map[T]struct{}

func (s Set[T]) Add(v T)           { s[v] = struct{}{} }
func (s Set[T]) Has(v T) bool      { _, ok := s[v]; return ok }
func NewSet[T comparable]() Set[T] { return make(Set[T]) }

// A generic type embedding another instance.
type Named[T any] struct {
	Stack[T]
	Name string
}

type Celsius float64

func (c Celsius) Show() string { return fmt.Sprintf("%.1fC", float64(c)) }

type MyInt int8

type Point struct{ X, Y int }

func (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

// Goroutines and channels of T.
func Merge[T any](cs ...<-chan T) []T {
	out := make(chan T)
	done := make(chan bool)
	for _, c := range cs {
		go func(c <-chan T) {
			for v := range c {
				out <- v
			}
			done <- true
		}(c)
	}
	go func() {
		for range cs {
			<-done
		}
		close(out)
	}()
	var r []T
	for v := range out {
		r = append(r, v)
	}
	return r
}

func gen[T any](xs ...T) <-chan T {
	c := make(chan T)
	go func() {
		for _, x := range xs {
			c <- x
		}
		close(c)
	}()
	return c
}

func main() {
	// functions, inference, explicit instantiation
	fmt.Println(Max(3, 7), Max("abc", "abd"), Max(2.5, 1.0), Max[float64](2, 3.5))
	fmt.Println(Sum(1, 2, 3), Sum(1.5, 2.25), Sum[MyInt](100, 27, 1), Sum[uint8](200, 100))
	fmt.Println(Double(int8(100)), Double(uint16(40000)), Double(int32(2000000000)), Double(MyInt(-100)))
	fmt.Println(Inc(int8(127)), Inc(uint8(255)), Inc(uint32(4294967295)))
	words := []string{"go", "generic", "types"}
	fmt.Println(Map(words, func(s string) int { return len(s) }))
	fmt.Println(Map[[]int, int, string]([]int{1, 2}, func(i int) string { return strings.Repeat("*", i) }))
	fmt.Println(Filter([]int{1, 2, 3, 4, 5, 6}, func(i int) bool { return i%2 == 0 }))
	fmt.Println(Reduce(words, 0, func(n int, s string) int { return n + len(s) }))
	ks := Keys(map[string]int{"b": 2, "a": 1, "c": 3})
	sort.Strings(ks)
	fmt.Println(ks, Index(words, "types"), Index([]float64{1, 2}, 3))
	fmt.Printf("%q %v %v %v\n", Zero[string](), Zero[int](), Zero[*Point]() == nil, Zero[Pair[string, int]]())
	fmt.Println(Convert[int](3.9), Convert[uint8](300), Convert[float64](MyInt(-3)))
	f := Max[int]
	fmt.Printf("%T %d\n", f, f(4, 2))

	// type switches and assertions through interfaces
	fmt.Println(Kind(42), Kind("hi"), Kind(Point{1, 2}), Kind(2.5), Kind([]int{}))
	n, ok := As[int](42)
	s, ok2 := As[string](42)
	fmt.Printf("%v %v %q %v\n", n, ok, s, ok2)
	fmt.Println(ShowAll([]Celsius{21.5, -3}))

	// generic types
	var st Stack[string]
	st.Push("a")
	st.Push("b")
	fmt.Println(st.Len())
	for {
		v, err := st.Pop()
		if err != nil {
			fmt.Println(err)
			break
		}
		fmt.Println(v)
	}
	var l *List[int]
	l = l.Push(1).Push(2).Push(3)
	l.Each(func(v int) { fmt.Print(v, " ") })
	fmt.Println()
	fmt.Printf("%T %T %T\n", l, st, Pair[string, List[int]]{})
	p := Pair[string, int]{"x", 1}
	fmt.Printf("%v %+v %s %T\n", p, p, p, p)
	var tr Tree[string]
	for _, w := range []string{"m", "c", "x", "a", "c"} {
		tr.Insert(w)
	}
	tr.Walk(func(s string) { fmt.Print(s) })
	fmt.Println(" size", tr.size)
	set := NewSet[Point]()
	set.Add(Point{1, 2})
	fmt.Println(set.Has(Point{1, 2}), set.Has(Point{2, 1}), len(set))
	fmt.Printf("%T\n", set)
	nm := Named[float64]{Name: "floats"}
	nm.Push(1.5)
	fmt.Println(nm.Name, nm.Len())
	var anyv any = p
	if q, ok := anyv.(Pair[string, int]); ok {
		fmt.Println("is Pair[string,int]", q.Key)
	}
	if _, ok := anyv.(Pair[string, string]); !ok {
		fmt.Println("not Pair[string,string]")
	}
	var sv fmt.Stringer = Pair[int, bool]{1, true}
	fmt.Println(sv.String())
	m := Merge(gen(1, 2, 3), gen(4, 5))
	sort.Ints(m)
	fmt.Println(m)
}
