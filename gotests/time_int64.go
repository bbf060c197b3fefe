// Durations and Unix times beyond 2^53 ns (issue 11: exact int64): printing, the unit methods, a
// timer armed for math.MaxInt64 ns, Reset with 2^62, UnixNano/UnixMicro of a 2023 instant.
package main

import (
	"fmt"
	"math"
	"time"
)

func main() {
	d := time.Duration(math.MaxInt64)
	fmt.Println(d, d.Hours(), d.Milliseconds(), -d-1)
	t := time.NewTimer(d)
	select {
	case <-t.C:
		fmt.Println("fired")
	case <-time.After(10 * time.Millisecond):
		fmt.Println("after")
	}
	t.Reset(1 << 62)
	fmt.Println(time.Unix(1700000000, 5).UnixNano(), time.Unix(1700000000, 5).UnixMicro())
}
