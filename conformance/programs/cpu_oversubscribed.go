// Behaviour: CPU-bound goroutines on more threads than the machine has cores: the kernel time-slices the Ms.
// Spec: §20 (the OS is outside the spec); issue #19 item 5 (no OS CPU model).
// main first runs the CPU loop alone (MEASURE solo_ms, ≈ 100 ms: 60e6 xorshift steps, no calls — only async
// preemption can stop it), then starts N goroutines that each run the same loop, and records when each one
// finishes (time since the start of the N goroutines). GOMAXPROCS ∈ {1, 2, 4}, N ∈ {2, 4, 8}, on a 2-core
// machine: with GOMAXPROCS ≤ cores every M has a core; with GOMAXPROCS=4 four Ms share two cores.
// MEASURE solo_ms, first_ms (the first goroutine to finish), last_ms (the last one), finish_ms (every
// goroutine), total_ms (wg.Wait returns).
// Look for: GOMAXPROCS=4 N=4: all four finish near 2 × solo (the kernel shares 2 cores among 4 threads),
// not at 1 × solo; GOMAXPROCS=2 and 4 give the same total (N × solo / 2), GOMAXPROCS=1 N × solo.
//
// conformance: variant=p1_n2 GOMAXPROCS=1 N=2 runs=5 timeout=10s expect=0
// conformance: variant=p1_n4 GOMAXPROCS=1 N=4 runs=5 timeout=10s expect=0
// conformance: variant=p1_n8 GOMAXPROCS=1 N=8 runs=5 timeout=10s expect=0
// conformance: variant=p2_n2 GOMAXPROCS=2 N=2 runs=5 timeout=10s expect=0
// conformance: variant=p2_n4 GOMAXPROCS=2 N=4 runs=5 timeout=10s expect=0
// conformance: variant=p2_n8 GOMAXPROCS=2 N=8 runs=5 timeout=10s expect=0
// conformance: variant=p4_n2 GOMAXPROCS=4 N=2 runs=5 timeout=10s expect=0
// conformance: variant=p4_n4 GOMAXPROCS=4 N=4 runs=5 timeout=10s expect=0
// conformance: variant=p4_n8 GOMAXPROCS=4 N=8 runs=5 timeout=10s expect=0
package main

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

//go:noinline
func spin(n int) uint64 {
	x := uint64(88172645463325252)
	for i := 0; i < n; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
	}
	return x
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1e3 }

func main() {
	n, _ := strconv.Atoi(os.Getenv("N"))
	t0 := time.Now()
	sink += spin(iters)
	fmt.Printf("MEASURE solo_ms=%.3f ms\n", ms(time.Since(t0)))

	finish := make([]time.Duration, n)
	var wg sync.WaitGroup
	start := time.Now()
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			x := spin(iters)
			finish[i] = time.Since(start)
			sink += x
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
