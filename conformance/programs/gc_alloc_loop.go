// Behaviour: an allocation-heavy loop drives the garbage collector's pacer. main allocates 3,000,000
// 64-byte objects with a pointer (scan class), keeping the last 65,536 of them (4 MB) live in a ring;
// 192 MB allocated in all. With GOGC=100 each cycle starts when the heap reaches its goal
// (live heap × 2, at least 4 MB), so the count of cycles, the pauses and the gctrace lines
// (GODEBUG=gctrace=1: `gc N @T.TTTs P%: a+b+c ms clock, ... X->Y->Z MB, G MB goal, ... N P`) follow
// the pacer and the mark phase's speed. GOGC=off: no cycle at all.
// Spec: issue #18 (the garbage collector as the scheduler sees it), runtime mgc.go, mgcpacer.go.
// MEASURE numgc: GC cycles during the run (MemStats.NumGC); loop_ms: the loop's wall time;
// pause_total_us: MemStats.PauseTotalNs; pause_us: each cycle's stop-the-world total (PauseNs);
// next_gc_mb: the heap goal at the end; heap_alloc_mb: the heap at the end; gc_cpu_pct: GCCPUFraction;
// threads: pprof threadcreate count (mcount) at the end.
// Look for: ≈ 20 cycles (the heap marked grows past 4 MB: objects allocated during a mark are marked),
// pauses of tens of µs, 0 cycles with GOGC=off, about 1.5 × as many with GOGC=50.
//
// conformance: variant=p1 GOMAXPROCS=1 GODEBUG=gctrace=1 runs=5 timeout=30s expect=0
// conformance: variant=p2 GOMAXPROCS=2 GODEBUG=gctrace=1 runs=5 timeout=30s expect=0
// conformance: variant=p4 GOMAXPROCS=4 GODEBUG=gctrace=1 runs=5 timeout=30s expect=0
// conformance: variant=gogcoff GOMAXPROCS=2 GOGC=off GODEBUG=gctrace=1 runs=5 timeout=30s expect=0
// conformance: variant=gogc50 GOMAXPROCS=2 GOGC=50 GODEBUG=gctrace=1 runs=5 timeout=30s expect=0
package main

import (
	"fmt"
	"runtime"
	"runtime/pprof"
	"time"
)

type node struct {
	next *node
	val  [7]int64
}

const liveN = 1 << 16

func main() {
	live := make([]*node, liveN)
	t0 := time.Now()
	for i := 0; i < 3000000; i++ {
		n := &node{}
		n.val[0] = int64(i)
		live[i&(liveN-1)] = n
	}
	loop := time.Since(t0)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("MEASURE numgc=%d count\n", ms.NumGC)
	fmt.Printf("MEASURE loop_ms=%.3f ms\n", float64(loop.Nanoseconds())/1e6)
	fmt.Printf("MEASURE pause_total_us=%.1f us\n", float64(ms.PauseTotalNs)/1e3)
	n := int(ms.NumGC)
	if n > 256 {
		n = 256
	}
	for i := 0; i < n; i++ {
		fmt.Printf("MEASURE pause_us=%.1f us\n", float64(ms.PauseNs[(int(ms.NumGC)-1-i+256)%256])/1e3)
	}
	fmt.Printf("MEASURE next_gc_mb=%.2f MB\n", float64(ms.NextGC)/(1<<20))
	fmt.Printf("MEASURE heap_alloc_mb=%.2f MB\n", float64(ms.HeapAlloc)/(1<<20))
	fmt.Printf("MEASURE gc_cpu_pct=%.3f pct\n", ms.GCCPUFraction*100)
	fmt.Printf("MEASURE threads=%d threads\n", pprof.Lookup("threadcreate").Count())
	runtime.KeepAlive(live)
	fmt.Println("done")
}
