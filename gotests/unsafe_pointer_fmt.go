// fmt of an unsafe.Pointer: nil prints <nil> with %v and Println, 0x0 with %p; a pointer made
// from a uintptr prints its address in hex.
package main

import (
	"fmt"
	"unsafe"
)

func main() {
	var p unsafe.Pointer
	fmt.Printf("%v %p\n", p, p)
	fmt.Println(p)
	q := unsafe.Pointer(uintptr(0x1234))
	fmt.Printf("%v %p\n", q, q)
	fmt.Println(q, p == nil, q != nil)
}
