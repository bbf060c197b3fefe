// Behaviour: many goroutines cross the GC trigger at once. N goroutines each allocate a 1 MiB []byte
// (a large, pointer-free object) and keep it; nothing else allocates. The heap passes the first
// trigger (4 MB goal) at the 4th buffer, and every goroutine that allocates past the trigger calls
// gcStart, which serialises on work.startSema (mgc.go). On go1.19 the starter then waits in
// notetsleepg for each new mark worker (gcBgMarkStartWorkers: a blocking syscall, its P handed off,
// the starter back only through the global run queue), so the goroutines that run meanwhile all
// allocate and queue on startSema: one cycle whose heap at the start is ≈ N MB. Since go1.21 the
// starter waits for a worker on a channel (no hand-off): cycles start at the goal and double
// (4, 9, 18, 36, 72 MB). The buffers hold no pointers, so the mark scans almost nothing
// (greyobject: a noscan span is marked without being scanned).
// Spec: issue #18 (the garbage collector as the scheduler sees it); runtime mgc.go gcStart,
// gcBgMarkStartWorkers; mgcmark.go greyobject.
// MEASURE numgc: cycles (MemStats.NumGC) after all buffers are allocated; next_gc_mb: the heap goal
// then; alloc_us: median duration of one make([]byte, 1<<20) (on go1.19, how long the goroutine
// waited on startSema); alloc_max_us: the longest; threads: pprof threadcreate (every M created).
// Variant seq_off (SEQ=1, GOGC=off): main alone allocates the N buffers one after another, no
// cycle: alloc_us is then what one fresh 1 MiB pointer-free span costs — on go1.19 its heap bitmap
// (2 bits per word, 32 KiB for 1 MiB) is cleared by initHeapBits on fresh pages, which fault; since
// go1.22 a noscan span has no heap bits (mbitmap.go initHeapBits).
// Look for: go1.19 one cycle with heap0 ≈ N MB, alloc_us in milliseconds; go1.26 ≈ log2(N/4) cycles,
// alloc_us in microseconds.
//
// conformance: variant=n20_p1 N=20 GOMAXPROCS=1 GODEBUG=gctrace=1 runs=5 timeout=20s expect=0
// conformance: variant=n100_p1 N=100 GOMAXPROCS=1 GODEBUG=gctrace=1 runs=5 timeout=20s expect=0
// conformance: variant=n100_p2 N=100 GOMAXPROCS=2 GODEBUG=gctrace=1 runs=5 timeout=20s expect=0
// conformance: variant=n100_p4 N=100 GOMAXPROCS=4 GODEBUG=gctrace=1 runs=5 timeout=20s expect=0
// conformance: variant=n400_p1 N=400 GOMAXPROCS=1 GODEBUG=gctrace=1 runs=5 timeout=20s expect=0
// conformance: variant=seq_off N=64 SEQ=1 GOGC=off GOMAXPROCS=1 runs=5 timeout=20s expect=0
package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"sort"
	"strconv"
	"sync"
	"time"
)

var sink [][]byte

func main() {
	n, _ := strconv.Atoi(os.Getenv("N"))
	bufs := make([][]byte, n)
	allocUs := make([]float64, n)
	var wg sync.WaitGroup
	if os.Getenv("SEQ") == "1" {
		for i := 0; i < n; i++ {
			a := time.Now()
			b := make([]byte, 1<<20)
			allocUs[i] = float64(time.Since(a).Nanoseconds()) / 1e3
			bufs[i] = b
		}
	}
	for i := 0; i < n && os.Getenv("SEQ") != "1"; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			a := time.Now()
			b := make([]byte, 1<<20)
			allocUs[i] = float64(time.Since(a).Nanoseconds()) / 1e3
			bufs[i] = b
		}(i)
	}
	wg.Wait()
	sink = bufs
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	sort.Float64s(allocUs)
	fmt.Println("allocated", len(sink))
	fmt.Printf("MEASURE numgc=%d count\n", ms.NumGC)
	fmt.Printf("MEASURE next_gc_mb=%.2f MB\n", float64(ms.NextGC)/(1<<20))
	fmt.Printf("MEASURE alloc_us=%.1f us\n", allocUs[n/2])
	fmt.Printf("MEASURE alloc_max_us=%.1f us\n", allocUs[n-1])
	fmt.Printf("MEASURE threads=%d threads\n", pprof.Lookup("threadcreate").Count())
}
