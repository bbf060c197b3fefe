// unsafe.Sizeof/Alignof/Offsetof: constants of type uintptr with gc's amd64 layout (padding, complex
// alignment, trailing zero-size fields, embedded structs).

package main

import (
	"fmt"
	"unsafe"
)

type E struct{}
type A struct {
	a bool
	b int64
	c byte
	d complex64
	e E
}
type B struct {
	x int16
	A
	s string
	sl []int
	i interface{}
	p *int
	arr [3]int32
	c128 complex128
	f float32
}
type Z struct {
	a int32
	z [0]int64
}

func main() {
	var a A
	var b B
	var x uint8
	fmt.Println(unsafe.Sizeof(a), unsafe.Alignof(a), unsafe.Offsetof(a.b), unsafe.Offsetof(a.d), unsafe.Offsetof(a.e))
	fmt.Println(unsafe.Sizeof(b), unsafe.Alignof(b), unsafe.Offsetof(b.A), unsafe.Offsetof(b.s), unsafe.Offsetof(b.c), unsafe.Offsetof(b.arr), unsafe.Offsetof(b.f))
	fmt.Println(unsafe.Sizeof(x), unsafe.Sizeof(Z{}), unsafe.Alignof(Z{}), unsafe.Sizeof(E{}), unsafe.Sizeof([0]int{}), unsafe.Sizeof(""), unsafe.Sizeof(1), unsafe.Sizeof(1.5), unsafe.Sizeof(1i))
	fmt.Println(unsafe.Alignof(complex64(0)), unsafe.Alignof(b.arr), unsafe.Sizeof(map[int]int{}), unsafe.Sizeof(func() {}), unsafe.Sizeof(make(chan int)))
	const k = unsafe.Sizeof(b) * 2
	var arr [k]byte
	fmt.Println(len(arr))
	fmt.Printf("%T\n", unsafe.Sizeof(a))
}
