// Package iter (Go 1.23): Seq and Seq2 are generic types of the library, instantiated where the
// program names them (iter.Seq[int]); functions returning them range with range-over-func, and
// %T names the instance (iter.Seq2[string,main.X]). go1.26.8 only (go1.19.8 has no package iter).
package main

import (
	"fmt"
	"iter"
)

type X int

func gen(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func pairs() iter.Seq2[string, X] {
	return func(yield func(string, X) bool) { yield("a", 1) }
}

func main() {
	for v := range gen(3) {
		fmt.Println(v)
	}
	for k, v := range pairs() {
		fmt.Println(k, v)
	}
	fmt.Printf("%T %T\n", gen(1), pairs())
}
