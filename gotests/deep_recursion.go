// Deep recursion (Go grows the stack): 200,000 nested method calls, closures, and a panic unwinding
// 30,000 frames with deferred calls.

package main

import "fmt"

type T struct{ x int }

func (t *T) down(n int) int {
	if n == 0 {
		return 0
	}
	return t.down(n-1) + 1
}

func rec(n int) (r int) {
	defer func() { r++ }()
	if n == 0 {
		panic("bottom")
	}
	return rec(n - 1)
}

func main() {
	t := &T{}
	fmt.Println(t.down(200000))
	f := func(n int) int { return n }
	var g func(int) int
	g = func(n int) int {
		if n == 0 {
			return f(0)
		}
		return g(n-1) + 2
	}
	fmt.Println(g(100000))
	defer func() { fmt.Println("recovered", recover()) }()
	rec(30000)
}
