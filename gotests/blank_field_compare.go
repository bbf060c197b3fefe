// Blank fields are not compared (spec, "Comparison operators"): values reinterpreted through
// unsafe.Pointer differ only in them and are equal, directly and as interface values (test/blank.go).
package main

import (
	"fmt"
	"unsafe"
)

type T struct {
	_, _ int
	z    int
}

type T1 struct{ x, y, z int }

func main() {
	t1 := *(*T)(unsafe.Pointer(&T1{1, 2, 3}))
	t2 := *(*T)(unsafe.Pointer(&T1{4, 5, 3}))
	t3 := *(*T)(unsafe.Pointer(&T1{4, 5, 6}))
	var i1, i2 interface{} = t1, t2
	fmt.Println(t1 == t2, t1 != t3, i1 == i2)
}
