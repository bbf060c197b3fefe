// Behaviour: blocking syscalls multiply threads, and threads are never given back.
// Spec: §20 item 7, §14, §21.1 (schedtrace changes sysmon's behaviour), §21.4, §21.9 (EINTR).
// GOMAXPROCS=2; 50 goroutines each call syscall.Nanosleep for 1 s (a raw blocking syscall through
// entersyscall). sysmon retakes each P stuck in _Psyscall and hands it to another M, so every sleeping
// goroutine ends up owning a thread, and the count stays there after the calls return (the extra Ms park as
// idle threads: idlethreads=50 in the SCHED lines afterwards).
// How main waits matters by one thread. Variant wg: main blocks in wg.Wait (the spec's program):
// threads=52. Variant sample300 (SAMPLE_300MS=1): main first sleeps 300 ms in time.Sleep and samples the
// count, then waits: a pending timer with all Ps idle keeps one more M busy (netpoll with a timeout) → 53.
// Measurements (runtime/pprof "threadcreate" count = Ms in allm = mcount; os_threads = entries in
// /proc/self/task): threads_start, threads_300ms (sample300 only), threads_after (200 ms after all calls
// returned), os_threads_*, elapsed_ms (spawn → all 50 done), eintr (Nanosleeps that returned EINTR and
// were resumed). The schedtrace variants give the SCHED peak (sched.peakThreads).
//
// conformance: variant=wg GOMAXPROCS=2 runs=5 timeout=10s expect=0
// conformance: variant=wg_schedtrace GOMAXPROCS=2 GODEBUG=schedtrace=100 runs=5 timeout=10s expect=0
// conformance: variant=sample300 GOMAXPROCS=2 SAMPLE_300MS=1 runs=5 timeout=10s expect=0
// conformance: variant=sample300_schedtrace GOMAXPROCS=2 SAMPLE_300MS=1 GODEBUG=schedtrace=100 runs=5 timeout=10s expect=0
package main

import (
	"fmt"
	"os"
	"runtime/pprof"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

var eintr int64

// sleepSyscall blocks the calling thread in nanosleep(2), resuming after EINTR.
func sleepSyscall(d time.Duration) {
	ts := syscall.NsecToTimespec(int64(d))
	for {
		var rem syscall.Timespec
		err := syscall.Nanosleep(&ts, &rem)
		if err != syscall.EINTR {
			return
		}
		atomic.AddInt64(&eintr, 1)
		ts = rem
	}
}

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
			sleepSyscall(time.Second)
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
	fmt.Printf("MEASURE eintr=%d count\n", atomic.LoadInt64(&eintr))
	fmt.Println("done")
}
