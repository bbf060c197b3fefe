// Behaviour: cgo calls block their thread like raw syscalls, so blocking C calls multiply threads.
// Spec: §20 item 7 (cgo remark), §7.1 (cgocall → entersyscall), §14 (1.19 counts cgo extra Ms too).
// Built with CGO_ENABLED=1. GOMAXPROCS=2; 50 goroutines each call C.usleep(1 s). sysmon retakes the P of
// each one, so threads climb to ≈ 50 + GOMAXPROCS + 1 (+1 for the cgo extra M, which is counted in mcount
// but is not an OS thread yet) and never drop. Waiting forms as in syscall_threads50 (wg / sample300).
// MEASURE threads_start, threads_300ms (sample300), threads_after, os_threads_*, elapsed_ms.
// Note: with cgo, go1.19 creates threads through pthread_create; the count is still mcount.
//
// conformance-build: cgo=1
// conformance: variant=wg GOMAXPROCS=2 runs=5 timeout=10s expect=0
// conformance: variant=wg_schedtrace GOMAXPROCS=2 GODEBUG=schedtrace=100 runs=5 timeout=10s expect=0
// conformance: variant=sample300 GOMAXPROCS=2 SAMPLE_300MS=1 runs=5 timeout=10s expect=0
package main

// #include <unistd.h>
import "C"

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
			C.usleep(1000000)
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
