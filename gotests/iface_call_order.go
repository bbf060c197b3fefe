package main

// A method call through an interface evaluates its receiver expression once, before the
// arguments (test/reorder2.go of Go's own tests).

import "fmt"

var log string

type I interface {
	a(s string) I
	b(s string) string
}

type T1 int

func (t T1) a(s string) I {
	log += "a(" + s + ")"
	return t + 1
}

func (T1) b(s string) string {
	log += "b(" + s + ")"
	return s
}

func get(i I) I {
	log += "get "
	return i
}

// E's method table calls the embedded interface's methods (receiver r.I)
type E struct{ I }

func main() {
	var i I = T1(0)
	i.a("6").a(i.b("7")).a(i.b("8")).a(i.b("9"))
	fmt.Println(log)
	log = ""
	j := get(i).a("1").a("2")
	fmt.Println(log, j)
	log = ""
	fmt.Println(get(get(i).a("x")).b(get(i).b("y")), log)
	log = ""
	var ie I = E{T1(4)}
	fmt.Println(ie.b("z"), ie.a("w"), log)
}
