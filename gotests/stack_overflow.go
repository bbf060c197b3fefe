// gmpsim: timeout=120
package main

// An unbounded recursion: Go's newstack stops the goroutine when its stack would pass 1 GB
// ("goroutine stack exceeds 1000000000-byte limit", fatal error: stack overflow, exit 2); the
// traceback is cut (go1.19: 100 frames; go1.21+: 50 innermost + 50 outermost).

import "fmt"

func f(n int) int {
	return f(n+1) + 1
}

func main() {
	fmt.Println("start")
	fmt.Println(f(0))
}
