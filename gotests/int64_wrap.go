package main

// Exact 64-bit integers (issue 11): printing the extremes, wrap-around of + - * ++ -- and unary
// minus on every 64-bit kind, MinInt64 / -1 and % -1, division of values beyond 2^53.

import (
	"fmt"
	"math"
)

//go:noinline
func neg1() int64 { return -1 }

func main() {
	fmt.Println(math.MinInt64, math.MaxInt64, uint64(math.MaxUint64))
	println(math.MinInt64, math.MaxInt64, uint64(math.MaxUint64))
	var mn int64 = math.MinInt64
	var mx int64 = math.MaxInt64
	fmt.Println(mx+1, mn-1, mx*2, mn*mn, mx*mx, -mn, mn+mx)
	i := math.MaxInt
	i++
	j := math.MinInt
	j--
	fmt.Println(i, j, -j)
	var u uint64 = math.MaxUint64
	u++
	var v uint64
	v--
	var w uint = 0
	w -= 2
	var p uintptr = 1 << 63
	p *= 2
	p += 7
	fmt.Println(u, v, w, p, -v, ^v, ^uint64(5), ^int64(5))
	m1 := neg1()
	fmt.Println(mn/m1, mn%m1, mx/m1, mx%m1)
	q := mn
	q /= m1
	r := mn
	r %= m1
	fmt.Println(q, r)
	var big uint64 = 18446744073709551557 // the largest prime below 2^64
	var d uint64 = 4294967311
	fmt.Println(big/d, big%d, big/3, big%1000000007, uint64(1<<63)/uint64(m1*m1))
	var s int64 = -9007199254740993 // 2^53 + 1, negative: not a double
	fmt.Println(s, s/7, s%7, s*3, s-s, s+2, (s+1)/2)
	var a, b int64 = 3037000499, 3037000500 // ⌊√MaxInt64⌋ and one more
	fmt.Println(a*a, b*b, a*b)
	x, y := uint64(0xDEADBEEFCAFEBABE), uint64(0x0123456789ABCDEF)
	fmt.Println(x+y, x-y, y-x, x*y, x/y, x%y, x&y, x|y, x^y, x&^y)
	fmt.Println(mx > mn, uint64(mx) < u-1, x == 0xDEADBEEFCAFEBABE, mn < -9007199254740992)
	sum := int64(0)
	for k := int64(0); k < 10; k++ {
		sum += mx / 10
	}
	fmt.Println(sum, sum+mx)
}
