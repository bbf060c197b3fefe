// Method values and calls on non-struct receivers (test/method5.go): (*p).M of a pointer method
// uses p, an array receiver through a pointer is copied, and a value method's receiver is
// evaluated when the method value is made, so a nil pointer (also an embedded one) panics there.
package main

import "fmt"

type B byte

func (b *B) Inc() byte { *b++; return byte(*b) }

type A [2]int

func (a A) Sum() int { a[0] = 100; return a[0] + a[1] }

type W int

func (w W) Get() int { return int(w) }

type Inner struct{ n int }

func (i Inner) N() int { return i.n }

type Outer struct{ *Inner }

func try(name string, f func()) {
	defer func() { fmt.Println(name, "panicked:", recover() != nil) }()
	f()
}

func main() {
	b := B(1)
	p := &b
	fmt.Println((*p).Inc(), b)
	a := A{1, 2}
	pa := &a
	fmt.Println((&a).Sum(), pa.Sum(), a)
	w := W(5)
	pw := &w
	g := pw.Get
	w = 6
	fmt.Println(g(), pw.Get())
	try("nil *W", func() { pw = nil; _ = pw.Get })
	try("nil embedded", func() { var o Outer; _ = o.N })
	try("nil *B method value", func() { p = nil; _ = p.Inc })
}
