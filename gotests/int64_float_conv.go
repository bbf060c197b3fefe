package main

// Conversions between the 64-bit integer kinds, the smaller ones and float64/float32 (issue 11):
// exact round trips, rounding of int64 → float64, truncation of float64 → int64, and what amd64's
// real Go gives for values out of range (implementation-defined in the spec).

import (
	"fmt"
	"math"
)

//go:noinline
func f(x float64) float64 { return x }

func main() {
	mx, mn := int64(math.MaxInt64), int64(math.MinInt64)
	fmt.Println(float64(mx), float64(mn), float64(mx-1023), float64(mx-1024), float32(mx))
	fmt.Println(float64(uint64(math.MaxUint64)), float64(uint64(1<<63+1<<11)), float64(int64(1<<53+1)))
	for _, x := range []float64{0, -0.5, 1.9, -1.9, 1e15 + 0.5, 9007199254740993, 1 << 62, 1e18, -1e18, 9.2233720368547748e18} {
		fmt.Println(x, int64(f(x)), int(f(x)), uint64(f(math.Abs(x))))
	}
	fmt.Println(uint64(f(1e19)), uint64(f(18446744073709549568)), int64(f(-9223372036854775808)))
	// out of range: implementation-defined (amd64)
	fmt.Println(int64(f(1e19)), int64(f(-1e19)), int64(f(math.Inf(1))), int64(f(math.NaN())))
	fmt.Println(uint64(f(-1)), uint64(f(2e19)), uint64(f(math.NaN())), uint64(f(-1e19)))
	var u uint64 = 1<<64 - 2
	fmt.Println(int64(u), uint64(int64(u)), int32(u), uint32(u), int16(u), uint8(u), int(u), uint(mn))
	v := int64(-0x123456789ABCDEF0)
	fmt.Println(int32(v), uint32(v), int8(v), uint16(v), uint64(v), uintptr(v))
	var i8 int8 = -7
	var u16 uint16 = 65535
	fmt.Println(int64(i8), uint64(i8), uint64(u16), int64(int32(-1)), uint64(uint32(1<<31)))
	fmt.Println(string(rune(v)) == "\uFFFD", string(rune(int64(0x1F600))))
	d := mx / 3
	fmt.Println(d, float64(d)/float64(mx), int64(float64(d)))
}
