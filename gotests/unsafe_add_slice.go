// unsafe.Add steps over array elements, unsafe.Slice makes a slice sharing them, with the runtime's
// length checks (test/unsafebuiltins.go).
package main

import (
	"fmt"
	"unsafe"
)

func main() {
	var a [6]int32
	p1 := unsafe.Pointer(&a[1])
	fmt.Println(unsafe.Add(p1, 4) == unsafe.Pointer(&a[2]), unsafe.Add(p1, -4) == unsafe.Pointer(&a[0]))
	*(*int32)(unsafe.Add(p1, 8)) = 7
	s := unsafe.Slice(&a[2], 3)
	s[2] = 9
	fmt.Println(a, len(s), cap(s), &s[0] == &a[2])
	fmt.Println(unsafe.Slice((*int)(nil), 0) == nil)
	for _, f := range []func(){
		func() { _ = unsafe.Slice((*int)(nil), 1) },
		func() { n := -1; _ = unsafe.Slice(&a[0], n) },
	} {
		func() {
			defer func() { fmt.Println(recover()) }()
			f()
		}()
	}
}
