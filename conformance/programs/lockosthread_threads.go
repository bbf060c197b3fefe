// Behaviour: LockOSThread pins threads; a goroutine that exits while locked takes its thread with it.
// Spec: §20 item 16, §15, §6.7 (template thread), §14 (mexit lowers threads=).
// GOMAXPROCS=2; five goroutines each call runtime.LockOSThread(), time.Sleep(200 ms) and return without
// unlocking. While a locked G sleeps its M is parked for it alone (stoplockedm hands the P away), so every
// one needs its own M, plus the template thread started by the first LockOSThread. When they exit locked,
// goexit0 → mexit: the threads are destroyed.
// MEASURE threads_start, threads_locked (100 ms in), threads_after (100 ms after all exited), and the
// same from /proc/self/task (os_threads_*). With schedtrace=20 the SCHED lines show the rise and the drop.
// Look for (spec): threads 4 → 9 while they sleep, then a drop.
//
// conformance: variant=gomaxprocs2 GOMAXPROCS=2 runs=5 timeout=10s expect=0
// conformance: variant=gomaxprocs2_schedtrace GOMAXPROCS=2 GODEBUG=schedtrace=20 runs=5 timeout=10s expect=0
package main

import (
	"fmt"
	"os"
	"runtime"
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
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			runtime.LockOSThread() // never unlocked: the thread exits with the goroutine
			time.Sleep(200 * time.Millisecond)
		}()
	}
	time.Sleep(100 * time.Millisecond)
	m, o = threads()
	fmt.Printf("MEASURE threads_locked=%d threads\nMEASURE os_threads_locked=%d threads\n", m, o)
	wg.Wait()
	time.Sleep(100 * time.Millisecond)
	m, o = threads()
	fmt.Printf("MEASURE threads_after=%d threads\nMEASURE os_threads_after=%d threads\n", m, o)
	fmt.Println("done")
}
