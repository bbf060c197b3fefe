// print/println of integer constants beyond 2^53 print their exact values (test/printbig.go).
package main

import "math"

func main() {
	println(math.MaxInt64, math.MinInt64)
	println(uint64(math.MaxUint64), int64(1<<62+1), -(1 << 63))
	print((1<<63)-1, "\n")
	const k = 1<<53 + 1
	println(k, k-2, uint32(k&0xffffffff))
}
