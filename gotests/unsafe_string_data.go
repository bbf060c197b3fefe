// unsafe.String, unsafe.StringData and unsafe.SliceData (Go 1.20; recorded on go1.26 only).
package main

import (
	"fmt"
	"unsafe"
)

func main() {
	b := []byte("moshi mosh")
	fmt.Println(unsafe.String(&b[0], 5), unsafe.String(unsafe.SliceData(b[6:]), 4))
	p := unsafe.StringData("hey")
	fmt.Println(*p, *(*byte)(unsafe.Add(unsafe.Pointer(p), 2)), unsafe.StringData("") == nil)
	var ns []int
	fmt.Println(unsafe.SliceData(ns) == nil, unsafe.SliceData(b) == &b[0])
	defer func() { fmt.Println(recover()) }()
	var np *byte
	_ = unsafe.String(np, 1)
}
