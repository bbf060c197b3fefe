// Behaviour: time.Sleep does not multiply threads (contrast with syscall_threads50).
// Spec: §20 item 8, §11.
// GOMAXPROCS=2; 50 goroutines each time.Sleep(1 s). They park on timers in the P timer heaps; no M blocks,
// so the thread count stays at the start-up level (about GOMAXPROCS+2).
// Measurements as in syscall_threads50: threads_start, threads_300ms (SAMPLE_300MS=1 only), threads_after,
// os_threads_*, elapsed_ms. Look for: threads_* ≈ 4 and elapsed_ms ≈ 1000.
//
// conformance: variant=wg GOMAXPROCS=2 runs=5 timeout=10s expect=0
// conformance: variant=wg_schedtrace GOMAXPROCS=2 GODEBUG=schedtrace=100 runs=5 timeout=10s expect=0
// conformance: variant=sample300 GOMAXPROCS=2 SAMPLE_300MS=1 runs=5 timeout=10s expect=0
package main

import (
	"fmt"
	"os"
	"runtime/pprof"
	"sync"
	"time"
)

func threads() (ms, osThreads int) {
	ents, _ := os.ReadDir("/proc/self/task")
	return pprof.Lookup("threadcreate").Count(), len(ents)
}

func main() {
	m, o := threads()
	fmt.Printf("MEASURE threads_start=%d threads\nMEASURE os_threads_start=%d threads\n", m, o)
	start := time.Now()
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Second)
		}()
	}
	if os.Getenv("SAMPLE_300MS") == "1" {
		time.Sleep(300 * time.Millisecond)
		m, o = threads()
		fmt.Printf("MEASURE threads_300ms=%d threads\nMEASURE os_threads_300ms=%d threads\n", m, o)
	}
	wg.Wait()
	fmt.Printf("MEASURE elapsed_ms=%.2f ms\n", float64(time.Since(start).Microseconds())/1e3)
	time.Sleep(200 * time.Millisecond)
	m, o = threads()
	fmt.Printf("MEASURE threads_after=%d threads\nMEASURE os_threads_after=%d threads\n", m, o)
	fmt.Println("done")
}
