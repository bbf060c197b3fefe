package main

// int64's one overflowing quotient and the exact printing of integers beyond 2^53
// (test/divide.go and test/printbig.go of Go's own tests check the same).

import (
	"fmt"
	"strconv"
)

func div64(x, y int64) int64 { return x / y }
func div(x, y int) int       { return x / y }
func mod64(x, y int64) int64 { return x % y }

func main() {
	var m int64 = -1 << 63
	fmt.Println(div64(m, -1), div(-1<<63, -1), mod64(m, -1))
	println(div64(m, -1), m/-1, m%-1)
	x := m
	x /= -1
	println(x)
	var b int8 = -128
	b /= -1
	var h int16 = -1 << 15
	h /= -1
	var w int32 = -1 << 31
	w /= -1
	println(b, h, w)
	println(-9223372036854775808, 9223372036854775807-1023)
	p := int64(1 << 62)
	fmt.Println(int64(-1<<63), uint64(1<<63), p*2, p*4)
	fmt.Printf("%d %x %o %b\n", m, uint64(1<<63), int64(1<<60), int64(1<<55))
	fmt.Println(strconv.Itoa(-1<<63), strconv.FormatInt(-1<<63, 16), strconv.FormatInt(1<<62, 10))
}
