// `defer recover()` (the builtin itself deferred): run by the panic machinery it recovers nothing;
// run when a deferred function returns, it recovers that function's panic (test/recover1.go).
package main

import "fmt"

func direct() (r string) {
	defer func() { r = fmt.Sprint("outer saw: ", recover()) }()
	defer recover() // called by the panic: a no-op
	panic("a")
}

func viaDeferred() (r string) {
	defer func() { r = fmt.Sprint("outer saw: ", recover()) }()
	defer func() {
		defer recover() // called as this deferred function returns: recovers "b"
	}()
	panic("b")
}

func nested() (r string) {
	defer func() { r = fmt.Sprint("outer saw: ", recover()) }()
	defer func() {
		defer recover() // runs after the inner recover: recovers "c"
		defer func() { fmt.Println("inner recovered:", recover()) }()
		panic("d")
	}()
	panic("c")
}

func main() {
	fmt.Println(direct())
	fmt.Println(viaDeferred())
	fmt.Println(nested())
}
