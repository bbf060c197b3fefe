// Behaviour: how a round of N time.Sleep(1ms) sleepers is laid out in time at GOMAXPROCS=1 (what
// sleep_tick's tick is made of). Each goroutine records when it wakes in each round. Per round r (from
// the 3rd on): the wake-ups form one batch (all timers run by one checkTimers after the 1 ms poll, then
// the goroutines run one after another), so
//   wake_gap_ns = (last − first wake-up of the round) / (N − 1): the CPU time per sleeper inside a batch
//                 (its run, time.Sleep's arm and park, the switch to the next one);
//   round_gap_us = first wake-up of round r+1 − last wake-up of round r: the last sleeper's re-arm and
//                 park, the 1 ms netpoll wait and its oversleep, then checkTimers running all N timers
//                 (pop + goready each) before the first sleeper runs — grows with N by the timer runs;
//   period_ms = first wake-up of round r+1 − first of round r.
// Medians over the rounds of a run.
// Spec: §11, §20.12.
//
// conformance: variant=n100 N=100 ROUNDS=30 GOMAXPROCS=1 runs=5 timeout=10s expect=0
// conformance: variant=n1000 N=1000 ROUNDS=30 GOMAXPROCS=1 runs=5 timeout=10s expect=0
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

func median(xs []float64) float64 {
	sort.Float64s(xs)
	return xs[len(xs)/2]
}

func main() {
	n := envInt("N", 100)
	rounds := envInt("ROUNDS", 30)
	wake := make([][]int64, n)
	var wg sync.WaitGroup
	base := time.Now()
	for g := 0; g < n; g++ {
		wg.Add(1)
		wake[g] = make([]int64, rounds)
		go func(xs []int64) {
			defer wg.Done()
			for r := 0; r < rounds; r++ {
				time.Sleep(time.Millisecond)
				xs[r] = int64(time.Since(base))
			}
		}(wake[g])
	}
	wg.Wait()
	first := make([]int64, rounds)
	last := make([]int64, rounds)
	for r := 0; r < rounds; r++ {
		first[r], last[r] = wake[0][r], wake[0][r]
		for g := 1; g < n; g++ {
			if w := wake[g][r]; w < first[r] {
				first[r] = w
			} else if w > last[r] {
				last[r] = w
			}
		}
	}
	var gap, rgap, period []float64
	for r := 2; r < rounds; r++ {
		gap = append(gap, float64(last[r]-first[r])/float64(n-1))
		if r+1 < rounds {
			rgap = append(rgap, float64(first[r+1]-last[r])/1e3)
			period = append(period, float64(first[r+1]-first[r])/1e6)
		}
	}
	fmt.Printf("MEASURE wake_gap_ns=%.1f ns\n", median(gap))
	fmt.Printf("MEASURE round_gap_us=%.1f us\n", median(rgap))
	fmt.Printf("MEASURE period_ms=%.4f ms\n", median(period))
	fmt.Println("done")
}
