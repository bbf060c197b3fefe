// reflect.SliceHeader and reflect.StringHeader read through an unsafe.Pointer to a slice or a
// string variable: Data is the address of the first element (equal to &s[0]), Len and Cap are the
// slice's, and setting Len reslices the variable; a copy of the header keeps the values it had.
package main

import (
	"fmt"
	"reflect"
	"unsafe"
)

func main() {
	s := make([]int, 4, 8)
	for i := range s {
		s[i] = i * 10
	}
	h := (*reflect.SliceHeader)(unsafe.Pointer(&s))
	fmt.Println(h.Len, h.Cap, unsafe.Pointer(h.Data) == unsafe.Pointer(&s[0]), unsafe.Pointer(h.Data) == unsafe.Pointer(&s[1]))
	saved := *h
	h.Len = 2
	fmt.Println(s, len(s), cap(s), saved.Len)
	h.Len = 6
	fmt.Println(s, saved.Cap)
	t := s[1:3]
	th := (*reflect.SliceHeader)(unsafe.Pointer(&t))
	fmt.Println(th.Len, th.Cap, unsafe.Pointer(th.Data) == unsafe.Pointer(&s[1]))

	var nilS []byte
	nh := (*reflect.SliceHeader)(unsafe.Pointer(&nilS))
	fmt.Println(nh.Data == 0, nh.Len, nh.Cap)

	str := "hello, world"
	sh := (*reflect.StringHeader)(unsafe.Pointer(&str))
	fmt.Println(sh.Len)
	sh.Len = 5
	fmt.Println(str, len(str))
}
