package main

// min and max (Go 1.21) of 64-bit integers beyond 2^53 (issue 11: such values are exact); go1.19
// reports `undefined: min`.

import (
	"fmt"
	"math"
)

func main() {
	var a, b int64 = math.MaxInt64, math.MaxInt64 - 1
	var u, v uint64 = math.MaxUint64, 1 << 63
	var s int64 = 3
	fmt.Println(min(a, b), max(a, b), min(u, v, 7), max(u, v), min(s, a), max(int64(math.MinInt64), s, b))
	x := 9007199254740993
	fmt.Println(min(x, 9007199254740992), max(x, 9007199254740992), min(x, x+1) == x)
}
