package main

// strconv and fmt on 64-bit values beyond 2^53 (issue 11): ParseInt/ParseUint/Atoi/FormatInt round
// trips and range errors, fmt's integer verbs and flags, and sync/atomic on int64/uint64.

import (
	"fmt"
	"math"
	"strconv"
	"sync/atomic"
)

func main() {
	for _, s := range []string{"9223372036854775807", "-9223372036854775808", "9223372036854775808", "-9223372036854775809", "9007199254740993", "0x7fffffffffffffff", "-0b1000000000000000000000000000000000000000000000000000000000000000", "1_000_000_000_000_000_001"} {
		n, err := strconv.ParseInt(s, 0, 64)
		fmt.Println(n, err, strconv.FormatInt(n, 10) == s)
	}
	for _, s := range []string{"18446744073709551615", "18446744073709551616", "ffffffffffffffff", "123456789abcdef01"} {
		for _, base := range []int{10, 16} {
			n, err := strconv.ParseUint(s, base, 64)
			fmt.Println(n, err)
		}
	}
	a, err := strconv.Atoi("-9223372036854775807")
	fmt.Println(a, err, strconv.Itoa(a-1), strconv.FormatInt(math.MinInt64, 2), strconv.FormatUint(math.MaxUint64, 36))
	b, err := strconv.ParseInt("4294967296", 10, 32)
	fmt.Println(b, err)
	var mn int64 = math.MinInt64
	var top uint64 = math.MaxUint64
	fmt.Printf("%d|%x|%X|%o|%b|%#x|%+d|%25d|%-22d|%025d\n", mn, mn, mn, mn, mn, mn, int64(math.MaxInt64), mn, mn, mn)
	fmt.Printf("%d|%x|%#X|%o|%#o|%b|%v|%#v|%08x\n", top, top, top, top, top, top, top, top, top>>40)
	fmt.Printf("%v %v %+v %d\n", []uint64{top, top - 1, 1 << 63}, [2]int64{mn, -mn - 1}, struct{ A, B int64 }{mn, 1 << 60}, map[uint64]int{top: 1})
	fmt.Println(fmt.Sprint(mn, top), fmt.Sprintf("%T %T", mn, top), fmt.Sprintf("%c|%U", int64(65), int64(0x1F600)))
	var c int64 = math.MaxInt64 - 2
	atomic.AddInt64(&c, 5)
	var d uint64 = 10
	atomic.AddUint64(&d, ^uint64(10))
	var e atomic.Int64
	e.Store(math.MinInt64)
	e.Add(-1)
	var g atomic.Uint64
	g.Add(^uint64(0))
	fmt.Println(c, d, e.Load(), g.Load())
	swapped := atomic.CompareAndSwapInt64(&c, math.MinInt64+2, 1)
	fmt.Println(swapped, c, atomic.LoadUint64(&d))
}
