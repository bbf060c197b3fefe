// Behaviour: the real length of a time.Sleep(1ms) tick when N goroutines each sleep 1 ms in a loop, and of
// a time.Ticker(1ms) period read by one goroutine.
// Spec: §11 (timers run by the M that polls: epoll_wait's 1 ms timeout + the kernel's timer slack), §20.12.
// N goroutines each run ROUNDS × { t := time.Now(); time.Sleep(1ms); d = time.Since(t) }; main waits in
// wg.Wait. MEASURE tick_ms = the median of all N × ROUNDS durations of a run, tick_p10_ms / tick_p90_ms its
// percentiles, tick_first_ms the median of every goroutine's first sleep (they all start together);
// phase_ms = wall time of the whole phase. Then one goroutine reads a time.NewTicker(1ms) 100 times:
// ticker_ms = the median interval between receives.
//
// conformance: variant=n1_p1 N=1 ROUNDS=200 GOMAXPROCS=1 runs=5 timeout=10s expect=0
// conformance: variant=n10_p1 N=10 ROUNDS=100 GOMAXPROCS=1 runs=5 timeout=10s expect=0
// conformance: variant=n100_p1 N=100 ROUNDS=50 GOMAXPROCS=1 runs=5 timeout=10s expect=0
// conformance: variant=n1000_p1 N=1000 ROUNDS=20 GOMAXPROCS=1 runs=5 timeout=10s expect=0
// conformance: variant=n1_p2 N=1 ROUNDS=200 GOMAXPROCS=2 runs=5 timeout=10s expect=0
// conformance: variant=n10_p2 N=10 ROUNDS=100 GOMAXPROCS=2 runs=5 timeout=10s expect=0
// conformance: variant=n100_p2 N=100 ROUNDS=50 GOMAXPROCS=2 runs=5 timeout=10s expect=0
// conformance: variant=n1000_p2 N=1000 ROUNDS=20 GOMAXPROCS=2 runs=5 timeout=10s expect=0
// conformance: variant=n1_p4 N=1 ROUNDS=200 GOMAXPROCS=4 runs=5 timeout=10s expect=0
// conformance: variant=n100_p4 N=100 ROUNDS=50 GOMAXPROCS=4 runs=5 timeout=10s expect=0
// conformance: variant=n1_p1_st N=1 ROUNDS=200 GOMAXPROCS=1 GODEBUG=schedtrace=1000 runs=5 timeout=10s expect=0
// conformance: variant=n100_p2_st N=100 ROUNDS=50 GOMAXPROCS=2 GODEBUG=schedtrace=1000 runs=5 timeout=10s expect=0
package main

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"sync"
	"time"
)

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return v
	}
	return def
}

func pct(xs []float64, q float64) float64 {
	sort.Float64s(xs)
	return xs[int(q*float64(len(xs)-1))]
}

func main() {
	n := envInt("N", 1)
	rounds := envInt("ROUNDS", 100)
	durs := make([][]float64, n)
	var wg sync.WaitGroup
	start := time.Now()
	for g := 0; g < n; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			xs := make([]float64, rounds)
			for i := 0; i < rounds; i++ {
				t := time.Now()
				time.Sleep(time.Millisecond)
				xs[i] = float64(time.Since(t)) / 1e6
			}
			durs[g] = xs
		}(g)
	}
	wg.Wait()
	phase := float64(time.Since(start)) / 1e6
	var all, first []float64
	for g := 0; g < n; g++ {
		all = append(all, durs[g]...)
		first = append(first, durs[g][0])
	}
	fmt.Printf("MEASURE tick_ms=%.4f ms\n", pct(all, 0.5))
	fmt.Printf("MEASURE tick_p10_ms=%.4f ms\n", pct(all, 0.1))
	fmt.Printf("MEASURE tick_p90_ms=%.4f ms\n", pct(all, 0.9))
	fmt.Printf("MEASURE tick_first_ms=%.4f ms\n", pct(first, 0.5))
	fmt.Printf("MEASURE phase_ms=%.3f ms\n", phase)

	tk := time.NewTicker(time.Millisecond)
	var iv []float64
	last := time.Now()
	for i := 0; i < 100; i++ {
		<-tk.C
		now := time.Now()
		iv = append(iv, float64(now.Sub(last))/1e6)
		last = now
	}
	tk.Stop()
	fmt.Printf("MEASURE ticker_ms=%.4f ms\n", pct(iv[1:], 0.5))
	fmt.Println("done")
}
