// Converting a slice to an array pointer (Go 1.17): the pointer aliases the slice's elements, a nil
// slice gives nil for *[0]T, a short slice panics (go1.20+ words the panic "array or pointer to
// array"); &p[i] is &s[i] (test/convert4.go).
package main

import "fmt"

func main() {
	s := make([]int, 6, 10)
	p := (*[4]int)(s[1:])
	p[0] = 7
	s[2] = 8
	fmt.Println(s, *p, len(p), &p[1] == &s[2])
	for i, v := range p {
		fmt.Print(i, v, " ")
	}
	fmt.Println()
	var n []int
	fmt.Println((*[0]int)(n) == nil, (*[0]int)(s[:0]) == nil)
	defer func() { fmt.Println(recover()) }()
	_ = (*[7]int)(s)
}
