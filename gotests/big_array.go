// An array type larger than the simulator materialises (1<<28 bytes) still works when the program
// touches a few elements (test/nilptr.go declares one to reserve address space).
package main

import "fmt"

var big [1 << 28]byte

type T struct {
	x [1 << 28]byte
	i int
}

func main() {
	big[1<<27] = 5
	p := &big
	p[7]++
	fmt.Println(len(big), big[1<<27], big[7], big[8], p[1<<27])
	var t *T
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(t.i)
}
