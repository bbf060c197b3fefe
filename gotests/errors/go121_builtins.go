// clear, min and max are predeclared since Go 1.21: go1.19 says undefined, go1.26 runs the program.
package main

import "fmt"

func main() {
	m := map[int]int{1: 2}
	clear(m)
	x, y := 3, 4
	z := min(x, y)
	w := max(x, y)
	fmt.Println(len(m), x, y, z, w)
}
