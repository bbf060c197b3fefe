package main

// The panics of failed type assertions, nil-map assignments and comparisons of uncomparable
// interface values are runtime.Error values: recover() returns them and Error() gives the text.

import (
	"fmt"
	"runtime"
)

type I interface{ Foo() }
type S struct{}

func (*S) Bar() {}

type T struct {
	a int
	c []int
}

func try(name string, f func()) {
	defer func() {
		r := recover()
		_, isRT := r.(runtime.Error)
		if e, ok := r.(error); ok {
			fmt.Printf("%s: runtime.Error=%v %s\n", name, isRT, e.Error())
		} else {
			fmt.Printf("%s: %v\n", name, r)
		}
	}()
	f()
}

func cmp(x interface{}) bool { return x == x }

func main() {
	try("assert iface", func() {
		var e interface{} = &S{}
		_ = e.(I)
	})
	try("assert concrete", func() {
		var e interface{} = 1
		_ = e.(float32)
	})
	try("assert nil", func() {
		var e interface{}
		_ = e.(I)
	})
	try("nil map", func() {
		var m map[string]int
		m["a"] = 1
	})
	try("nil map struct key", func() {
		var m map[[2]int]int
		m[[2]int{1, 2}] = 1
	})
	try("same map", func() { cmp(map[int]int{}) })
	try("same func", func() { cmp(func() {}) })
	try("struct with slice", func() { cmp(T{}) })
	try("two structs", func() {
		var x, y interface{} = T{}, T{}
		fmt.Println(x == y)
	})
	try("unhashable", func() {
		m := map[interface{}]int{}
		m[T{}] = 1
	})
	try("comparable", func() { fmt.Println(cmp(1), cmp("a"), cmp([2]int{})) })
}
