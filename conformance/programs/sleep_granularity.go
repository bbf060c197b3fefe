// Behaviour: how long short time.Sleep calls really take on an otherwise idle process.
// Spec: §20 item 12, §10 (epoll timeout in whole ms, truncated, minimum 1 ms), §11.
// For d in {10 µs, 100 µs, 1.5 ms} main sleeps d 200 times in a row and reports the mean and median.
// With one P the M parks in netpoll(epoll_wait) with a timeout rounded to whole ms → ≈1.05 ms for 10 µs and
// 100 µs, ≈2.1 ms for 1.5 ms (a truncated 1 ms poll and another 1 ms poll). With GOMAXPROCS=2 a spinning M
// sometimes runs the timer first, so 10 µs averages lower (spec: ≈0.5 ms).
// MEASURE sleep_<d>_mean_ms, sleep_<d>_median_ms, sleep_<d>_p90_ms.
//
// conformance: variant=gomaxprocs1 GOMAXPROCS=1 runs=5 timeout=20s expect=0
// conformance: variant=gomaxprocs2 GOMAXPROCS=2 runs=5 timeout=20s expect=0
package main

import (
	"fmt"
	"sort"
	"time"
)

func main() {
	cases := []struct {
		name string
		d    time.Duration
	}{{"10us", 10 * time.Microsecond}, {"100us", 100 * time.Microsecond}, {"1500us", 1500 * time.Microsecond}}
	const n = 200
	time.Sleep(5 * time.Millisecond) // let start-up settle
	for _, c := range cases {
		xs := make([]float64, n)
		sum := 0.0
		for i := range xs {
			t := time.Now()
			time.Sleep(c.d)
			xs[i] = float64(time.Since(t).Nanoseconds()) / 1e6
			sum += xs[i]
		}
		sort.Float64s(xs)
		fmt.Printf("MEASURE sleep_%s_mean_ms=%.4f ms\n", c.name, sum/n)
		fmt.Printf("MEASURE sleep_%s_median_ms=%.4f ms\n", c.name, xs[n/2])
		fmt.Printf("MEASURE sleep_%s_p90_ms=%.4f ms\n", c.name, xs[n*9/10])
	}
	fmt.Println("done")
}
