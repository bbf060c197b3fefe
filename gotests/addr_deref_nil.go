// &*p dereferences p: a nil p panics (test/nilptr2.go), a non-nil p gives p back.
package main

import "fmt"

func main() {
	x := 1
	p := &x
	fmt.Println(&*p == p)
	defer func() { fmt.Println("recovered:", recover()) }()
	p = nil
	q := &*p
	fmt.Println("not reached", q)
}
