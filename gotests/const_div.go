package main

// Integer constant division at int64's edge: go/constant divides two int64-sized operands with
// Go's own int64 '/', so MinInt64 / -1 wraps (no "overflows" error); the same division at run time
// wraps too (spec, "Integer operators"). int8's -128 / -1 is rejected at compile time instead.

import (
	"fmt"
	"math"
)

const k int64 = math.MinInt64
const q = k / -1

func main() {
	fmt.Println(int64(math.MinInt64) / -1)
	fmt.Println(k/-1, k%-1, q)
	var x [q & 7]int
	fmt.Println(len(x))
	var v int64 = math.MinInt64
	d := int64(-1)
	fmt.Println(v/d, v%d)
	fmt.Println(math.MaxInt64/-1, (math.MinInt64+1)/-1)
}
