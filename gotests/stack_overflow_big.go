// gmpsim: timeout=120
package main

// A recursion whose frames each hold a 128 KiB array (the largest local go1.26 keeps on the stack:
// cmd/compile's MaxStackVarSize): the stack passes Go's 1 GB limit after ≈7,600 calls, not after the
// tens of millions of calls a small frame allows — the fatal "stack overflow" comes from the frames'
// bytes (rt/goroutine.ts bigFrame).

import "fmt"

type block struct{ a [1 << 14]int }

func deep(n int) int {
	var b block
	b.a[n%len(b.a)] = n
	return deep(n+1) + b.a[0]
}

func main() {
	fmt.Println("start")
	fmt.Println(deep(0))
}
