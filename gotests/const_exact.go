// Constant expressions are evaluated exactly (spec, "Constant expressions"): untyped integer
// constants beyond 64 bits, their differences and quotients, bitwise operators on negative
// constants, and integer constants converted to floats.
package main

import (
	"fmt"
	"math"
)

const (
	huge   = 1 << 100
	huge1  = huge - 1
	back   = huge >> 98
	cu64   = 1<<64 - 1234567890123
	wrapped = cu64&0xffffffffffffffff - 1<<64
	mixed  = (1<<62 + 1) * 3 % 1000003
)

func main() {
	fmt.Println(huge > huge1, huge1+1 == huge, back)
	fmt.Println(huge/(huge>>10), (huge1 % 1000000007))
	var i int64 = wrapped
	fmt.Println(i, wrapped == -1234567890123)
	fmt.Println(mixed, -7/2, -7%2, -7>>1, ^0x0f&0xff, -1&^0x0f)
	var f float64 = huge1
	fmt.Println(f == huge, f)
	fmt.Println(math.MaxUint64/(1<<32) == 1<<32-1, math.MinInt64/-2 == 1<<62)
	var u uint64 = math.MaxUint64 >> 20
	fmt.Println(u)
	const c = 'a' + 1<<20
	fmt.Println(c, string(rune(c-1<<20)))
}
