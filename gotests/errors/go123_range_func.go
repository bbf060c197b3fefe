// Range over an iterator function is Go 1.23: go1.19 cannot range over it, go1.26 runs the program.
package main

import "fmt"

type seq func(func(int) bool)

func main() {
	var three seq = func(yield func(int) bool) {
		_ = yield(1) && yield(2) && yield(3)
	}
	sum := 0
	for x := range three {
		sum += x
	}
	fmt.Println(sum)
}
