// Method expressions on interface type literals (test/method7.go): `interface{ m(string) }.m` is a
// function whose first parameter is the interface.
package main

import "fmt"

type S struct{ name string }

func (s S) m(x string) string { return s.name + ":" + x }

func main() {
	f := interface{ m(string) string }.m
	fmt.Println(f(S{"a"}, "b"))
	fmt.Println(interface{ m(string) string }.m(S{"c"}, "d"))
}
