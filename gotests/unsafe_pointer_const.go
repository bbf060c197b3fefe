// A uintptr constant converts to unsafe.Pointer (a value, not a constant), and that pointer survives
// a round trip through an interface (test/typeparam/issue51733.go).
package main

import (
	"fmt"
	"unsafe"
)

type S struct{}

func main() {
	p := (*S)(unsafe.Pointer(uintptr(0x8000)))
	var v any = p
	p2 := v.(*S)
	fmt.Println(p == p2, uintptr(unsafe.Pointer(p2)) == 0x8000)
}
