// Behaviour: CPU-bound cgo calls: each one holds its thread on a core; more of them than cores share the cores.
// Spec: §7.1 (cgocall → entersyscall: the P is retaken, the thread keeps running C code); issue #19 item 5.
// Built with CGO_ENABLED=1. main first calls the C loop alone (MEASURE solo_ms, ≈ 100 ms: 60e6 xorshift
// steps in C), then N goroutines each call it once; each goroutine's finish time since their start is
// recorded. The C calls do not need a P, so N threads spin at once whatever GOMAXPROCS is, on 2 cores.
// MEASURE solo_ms, first_ms, last_ms, finish_ms (every goroutine), total_ms.
// Look for: N=4: all four finish near 2 × solo (4 threads on 2 cores), not 1 × solo, at GOMAXPROCS=1 too.
//
// conformance-build: cgo=1
// conformance: variant=p1_n2 GOMAXPROCS=1 N=2 runs=5 timeout=10s expect=0
// conformance: variant=p1_n4 GOMAXPROCS=1 N=4 runs=5 timeout=10s expect=0
// conformance: variant=p2_n4 GOMAXPROCS=2 N=4 runs=5 timeout=10s expect=0
// conformance: variant=p2_n8 GOMAXPROCS=2 N=8 runs=5 timeout=10s expect=0
package main

// #include <stdint.h>
// static uint64_t spin(long n) {
// 	uint64_t x = 88172645463325252ULL;
// 	for (long i = 0; i < n; i++) {
// 		x ^= x << 13;
// 		x ^= x >> 7;
// 		x ^= x << 17;
// 	}
// 	return x;
// }
import "C"

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"sync"
	"time"
)

const iters = 60_000_000

var sink uint64

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1e3 }

func main() {
	n, _ := strconv.Atoi(os.Getenv("N"))
	t0 := time.Now()
	sink += uint64(C.spin(iters))
	fmt.Printf("MEASURE solo_ms=%.3f ms\n", ms(time.Since(t0)))

	finish := make([]time.Duration, n)
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := time.Now()
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			x := uint64(C.spin(iters))
			finish[i] = time.Since(start)
			mu.Lock()
			sink += x
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	total := time.Since(start)
	sort.Slice(finish, func(a, b int) bool { return finish[a] < finish[b] })
	fmt.Printf("MEASURE first_ms=%.3f ms\n", ms(finish[0]))
	fmt.Printf("MEASURE last_ms=%.3f ms\n", ms(finish[n-1]))
	for _, f := range finish {
		fmt.Printf("MEASURE finish_ms=%.3f ms\n", ms(f))
	}
	fmt.Printf("MEASURE total_ms=%.3f ms\n", ms(total))
	fmt.Println("done")
}
