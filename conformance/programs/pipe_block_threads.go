// Behaviour: a raw syscall.Read on an empty blocking pipe (syscall.Pipe: no O_NONBLOCK, not in the
// netpoller) blocks its thread in the kernel. With N goroutines each reading its own pipe, every one
// holds a thread: sysmon retakes the P from each blocked thread and handoffp starts another thread for
// the next goroutine, so threads grow to about N + the start-up threads, and goroutines enter their
// read one retake apart (sysmon's 20 µs tick, plus the thread start). 50 ms later main writes one byte
// to every pipe; each reader wakes and returns.
// Spec: §7 (entersyscall/exitsyscall), §8.1 (retake), §9 (handoffp, startm → newm); the seed's
// "File / OS syscall: P detaches from M, finds another M" and "M count spike".
// stdout: "woke N". MEASURE threads_blocked (threadcreate count while all are blocked),
// threads_end, entry_gap_us (median gap between consecutive goroutines entering read),
// enter_phase_us (first to last entry), wake_phase_us (first write to last reader done).
// Look for: threads_blocked ≈ N + 3..5; entry gaps of one retake (tens to hundreds of µs), not 0.
//
// conformance: variant=n10_p1 N=10 GOMAXPROCS=1 runs=5 timeout=20s expect=0
// conformance: variant=n100_p1 N=100 GOMAXPROCS=1 runs=5 timeout=20s expect=0
// conformance: variant=n100_p2 N=100 GOMAXPROCS=2 runs=5 timeout=20s expect=0
// conformance: variant=n100_p4 N=100 GOMAXPROCS=4 runs=5 timeout=20s expect=0
// conformance: variant=n100_p1_schedtrace N=100 GOMAXPROCS=1 GODEBUG=schedtrace=10 runs=5 timeout=20s expect=0
package main

import (
	"fmt"
	"os"
	"runtime/pprof"
	"sort"
	"strconv"
	"sync"
	"syscall"
	"time"
)

func main() {
	n, _ := strconv.Atoi(os.Getenv("N"))
	start := time.Now()
	pipes := make([][2]int, n)
	for i := range pipes {
		if err := syscall.Pipe(pipes[i][:]); err != nil {
			panic(err)
		}
	}
	entered := make([]time.Duration, n)
	done := make([]time.Duration, n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			var b [1]byte
			entered[i] = time.Since(start)
			syscall.Read(pipes[i][0], b[:])
			done[i] = time.Since(start)
		}(i)
	}
	time.Sleep(50 * time.Millisecond)
	blocked := pprof.Lookup("threadcreate").Count()
	w0 := time.Since(start)
	for i := 0; i < n; i++ {
		syscall.Write(pipes[i][1], []byte{1})
	}
	wg.Wait()
	fmt.Println("woke", n)
	sort.Slice(entered, func(a, b int) bool { return entered[a] < entered[b] })
	gaps := make([]float64, 0, n)
	for i := 1; i < n; i++ {
		gaps = append(gaps, float64(entered[i]-entered[i-1])/1e3)
	}
	sort.Float64s(gaps)
	last := time.Duration(0)
	for _, d := range done {
		if d > last {
			last = d
		}
	}
	fmt.Printf("MEASURE threads_blocked=%d\n", blocked)
	fmt.Printf("MEASURE threads_end=%d\n", pprof.Lookup("threadcreate").Count())
	if len(gaps) > 0 {
		fmt.Printf("MEASURE entry_gap_us=%.1f us\n", gaps[len(gaps)/2])
	}
	fmt.Printf("MEASURE enter_phase_us=%.1f us\n", float64(entered[n-1]-entered[0])/1e3)
	fmt.Printf("MEASURE wake_phase_us=%.1f us\n", float64(last-w0)/1e3)
}
