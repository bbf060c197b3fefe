// Struct tags are part of a struct type's identity (test/typeparam/issue46591.go: two map keys whose
// types differ only in a tag), conversions ignore them, and %T shows them.
package main

import "fmt"

type A struct {
	X int `json:"x"`
}
type B struct {
	X int
}

func main() {
	a := A{1}
	b := B(a)
	var p *B = (*B)(&a)
	m := map[interface{}]int{struct{ X int }{}: 1, struct {
		X int "t"
	}{}: 2}
	fmt.Println(b, p.X, len(m))
	fmt.Printf("%T\n", struct {
		Y string `k:"v"`
	}{})
}
