// Behaviour: what runtime.GC() and runtime.ReadMemStats cost and how their stop-the-world pauses
// stop a running goroutine; also the calibration of the mark phase's speed (issue #18).
// A spinner goroutine reads the clock in a loop and keeps the largest gap between two reads.
// Phase 1: 9 × runtime.GC() with an almost empty heap (gc_empty_us), 21 × ReadMemStats (readmemstats_us),
// each with the spinner's largest gap during the call (gap_gc_empty_us, gap_rms_us). Phase 2: main
// builds a live heap of 524,288 64-byte objects with a pointer each (32 MB, reachable from one slice)
// and times 5 × runtime.GC() (gc_live_us, gap_gc_live_us; live_mb: HeapAlloc after the last one).
// pause_us: MemStats.PauseNs of each forced cycle (both stop-the-world phases together).
// mark_ns_per_kb: (median gc_live − median gc_empty) / live KB at this GOMAXPROCS: the mark phase's
// cost per KB of live heap, the calibration of the simulator's mark throughput.
// Spec: issue #18; runtime mgc.go (GC, gcStart, gcMarkTermination), mstats.go (ReadMemStats: stopTheWorld).
// Look for: ReadMemStats pauses the spinner for tens of µs at most; runtime.GC() with 32 MB live takes
// milliseconds and the spinner keeps running except during the two pauses.
//
// conformance: variant=p1 GOMAXPROCS=1 GODEBUG=gctrace=1 runs=5 timeout=30s expect=0
// conformance: variant=p2 GOMAXPROCS=2 GODEBUG=gctrace=1 runs=5 timeout=30s expect=0
// conformance: variant=p4 GOMAXPROCS=4 GODEBUG=gctrace=1 runs=5 timeout=30s expect=0
package main

import (
	"fmt"
	"runtime"
	"sort"
	"sync/atomic"
	"time"
)

type node struct {
	next *node
	val  [7]int64
}

var maxGap int64
var stop int32

func spinner(done chan struct{}) {
	last := time.Now()
	for atomic.LoadInt32(&stop) == 0 {
		now := time.Now()
		if d := int64(now.Sub(last)); d > atomic.LoadInt64(&maxGap) {
			atomic.StoreInt64(&maxGap, d)
		}
		last = now
	}
	close(done)
}

func median(xs []float64) float64 {
	sort.Float64s(xs)
	return xs[len(xs)/2]
}

// timed runs f with the spinner's gap reset first: the call's wall time and the spinner's largest gap (µs).
func timed(f func()) (float64, float64) {
	atomic.StoreInt64(&maxGap, 0)
	t0 := time.Now()
	f()
	d := time.Since(t0)
	return float64(d.Nanoseconds()) / 1e3, float64(atomic.LoadInt64(&maxGap)) / 1e3
}

func main() {
	done := make(chan struct{})
	multi := runtime.GOMAXPROCS(0) > 1
	if multi {
		go spinner(done)
		time.Sleep(5 * time.Millisecond)
	}
	var ms runtime.MemStats
	var empty []float64
	for i := 0; i < 9; i++ {
		d, gap := timed(func() { runtime.GC() })
		empty = append(empty, d)
		fmt.Printf("MEASURE gc_empty_us=%.1f us\n", d)
		if multi {
			fmt.Printf("MEASURE gap_gc_empty_us=%.1f us\n", gap)
		}
	}
	for i := 0; i < 21; i++ {
		d, gap := timed(func() { runtime.ReadMemStats(&ms) })
		fmt.Printf("MEASURE readmemstats_us=%.1f us\n", d)
		if multi {
			fmt.Printf("MEASURE gap_rms_us=%.1f us\n", gap)
		}
	}
	live := make([]*node, 1<<19)
	for i := range live {
		live[i] = &node{}
	}
	var full []float64
	for i := 0; i < 5; i++ {
		d, gap := timed(func() { runtime.GC() })
		full = append(full, d)
		fmt.Printf("MEASURE gc_live_us=%.1f us\n", d)
		if multi {
			fmt.Printf("MEASURE gap_gc_live_us=%.1f us\n", gap)
		}
	}
	runtime.ReadMemStats(&ms)
	liveKB := float64(ms.HeapAlloc) / 1024
	fmt.Printf("MEASURE live_mb=%.2f MB\n", liveKB/1024)
	fmt.Printf("MEASURE mark_ns_per_kb=%.2f ns\n", (median(full)-median(empty))*1e3/liveKB)
	for i := 0; i < int(ms.NumGC) && i < 14; i++ {
		fmt.Printf("MEASURE pause_us=%.1f us\n", float64(ms.PauseNs[(int(ms.NumGC)-1-i+256)%256])/1e3)
	}
	fmt.Printf("MEASURE numgc=%d count\n", ms.NumGC)
	runtime.KeepAlive(live)
	if multi {
		atomic.StoreInt32(&stop, 1)
		<-done
	}
	fmt.Println("done")
}
