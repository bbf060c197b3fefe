// Behaviour: none — this program measures what the garbage collector's sweeper (mgcsweep.go sweepone)
// costs per span. gmpsim's GC model (src/runtime/mgc.ts bgsweep, deductSweepCredit) charges every span
// the background sweeper or an allocating goroutine sweeps at cost.sweepSpanNs, taken from here.
// Method: with GODEBUG=gcstoptheworld=2 a cycle sweeps the whole heap inside its mark-termination pause
// (gcSweep in gcForceBlockMode: `for sweepone() != ^uintptr(0)`, no Gosched between spans), so a
// runtime.GC() over a heap of garbage lasts its mark (the roots only: nothing in the garbage is reached)
// plus the sweep. The heap is 64-byte objects holding a pointer (gc_alloc_loop.go's node: size class 64,
// one-page 8 KiB spans of 128 objects, the scan class), allocated with GOGC=off and dropped; each
// runtime.GC() is timed over 32 MB and 256 MB of such garbage, interleaved, after a warm-up that
// faults the pages in. The slope between the two sizes is the sweep's cost per span (the cycle's fixed
// cost cancels): sweep_span_ns for spans of which every object is dead (freed to the page heap),
// sweep_kept_span_ns for spans that keep one object alive in 128 (swept in place, kept).
// Each figure is the slope of the fastest of 9 timed cycles per size (a sweep is a compute loop: on the
// shared 2-vCPU machine other jobs only lengthen a cycle; DESCRIBE lines say what each figure is).
// go1.19.8 cannot run the stw variant (gcMarkTermination throws "failed to set sweep barrier" in
// gcForceBlockMode: its sweep.active.begin() fails once the sweep is drained); record it on go1.26 only.
// The concurrent variant (both releases) sweeps as runtime.GC() does without GODEBUG: the caller
// sweeps span by span with a Gosched after each (go1.19 and go1.26 mgc.go GC()), bgsweep alternating
// with it (go1.19: a Gosched after each span; go1.26: goschedIfBusy after 10), so its slope is a span's
// sweep plus about one Gosched; gosched_ns, two goroutines yielding to each other on one P, is that.
//
// conformance: variant=stw GOMAXPROCS=1 GOGC=off GODEBUG=gcstoptheworld=2 runs=5 timeout=120s expect=0
// conformance: variant=concurrent GOMAXPROCS=1 GOGC=off runs=5 timeout=120s expect=0
package main

import (
	"fmt"
	"runtime"
	"sort"
	"time"
)

type node struct {
	next *node
	val  [7]int64
}

const (
	small   = 32 << 20
	large   = 256 << 20
	objSize = 64
	perSpan = 8192 / objSize
	reps    = 9
)

func fastest(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[0]
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}

func report(name string, v float64, what string) {
	fmt.Printf("DESCRIBE %s %s\n", name, what)
	fmt.Printf("MEASURE %s=%.4g ns\n", name, v)
}

var keep []*node

// fill allocates bytes of 64-byte nodes; with kept, one node in perSpan stays reachable (from keep).
func fill(bytes int, kept bool) {
	// The whole backing array is cleared: the mark scans all of it, not only keep[:len(keep)].
	keep = keep[:cap(keep)]
	for i := range keep {
		keep[i] = nil
	}
	keep = keep[:0]
	var last *node
	for i := 0; i < bytes/objSize; i++ {
		n := &node{next: last}
		n.val[0] = int64(i)
		if kept && i%perSpan == 0 {
			keep = append(keep, n)
		}
		last = n
		if i%perSpan == perSpan-1 {
			last = nil
		}
	}
}

// gcAfter allocates bytes of garbage and times the runtime.GC() that sweeps it (ns).
func gcAfter(bytes int, kept bool) float64 {
	fill(bytes, kept)
	t := time.Now()
	runtime.GC()
	return float64(time.Since(t).Nanoseconds())
}

func slope(kept bool) (float64, float64, float64) {
	var s, l []float64
	for r := 0; r < reps; r++ {
		s = append(s, gcAfter(small, kept))
		l = append(l, gcAfter(large, kept))
	}
	ms, ml := fastest(s), fastest(l)
	spans := float64((large - small) / 8192)
	return (ml - ms) / spans, ms, ml
}

// gosched is one runtime.Gosched() with another goroutine runnable (the two take turns on one P), ns.
func gosched() float64 {
	const n = 200000
	done := make(chan bool)
	go func() {
		for i := 0; i < n; i++ {
			runtime.Gosched()
		}
		done <- true
	}()
	t := time.Now()
	for i := 0; i < n; i++ {
		runtime.Gosched()
	}
	<-done
	return float64(time.Since(t).Nanoseconds()) / (2 * n)
}

func main() {
	keep = make([]*node, 0, large/8192)
	// Warm-up: the pages of the largest heap are faulted in and the runtime's own state settles.
	gcAfter(large, false)
	gcAfter(large, true)
	runtime.GC()
	dead, ds, dl := slope(false)
	kept, ks, kl := slope(true)
	report("sweep_span_ns", dead, "per 8 KiB span of dead 64-byte scan objects: (fastest runtime.GC() over 256 MB − over 32 MB of garbage) / 28672 spans")
	report("gc_small_ns", ds, "fastest runtime.GC() over 32 MB of dead 64-byte objects")
	report("gc_large_ns", dl, "fastest runtime.GC() over 256 MB of dead 64-byte objects")
	report("sweep_kept_span_ns", kept, "per 8 KiB span keeping 1 of its 128 objects live (swept in place; its mark of that object included): the same slope")
	report("gc_kept_small_ns", ks, "fastest runtime.GC() over 32 MB of 64-byte objects, 1 in 128 live")
	report("gc_kept_large_ns", kl, "fastest runtime.GC() over 256 MB of 64-byte objects, 1 in 128 live")
	var gs []float64
	for r := 0; r < 5; r++ {
		gs = append(gs, gosched())
	}
	report("gosched_ns", median(gs), "one runtime.Gosched() while another goroutine yields back (both on one P), median of 5 loops of 400000")
	runtime.KeepAlive(keep)
	fmt.Println("done")
}
