// Behaviour: large blocking reads of a device. N goroutines each open /dev/urandom, allocate a 1 MiB
// buffer (make([]byte, 1<<20): a large object, fresh zeroed pages from the heap) and read 1 MiB into it
// with (*os.File).Read, i.e. one read(2) of ≈2.6 ms of kernel CPU (the kernel's ChaCha20, io_costs
// urandom_per_byte_ns) that does not go through the netpoller. (Linux returns a short read from
// /dev/urandom when a signal is pending — Go's preemption signal SIGURG — so the program reads on until
// the buffer is full, as io.ReadFull would.) Each read is a syscall long enough for
// sysmon to retake its P, so threads grow with the number of reads in flight; how many overlap depends
// on how long the Go side (the large allocation, the GC it triggers) keeps the P between reads.
// Spec: §7 (entersyscall/exitsyscall), §8.1 (retake), §9 (handoffp → startm → newm); issue #19 item 6.
// stdout: "read N". MEASURE threads_end (pprof threadcreate after the phase: every M ever created, so
// the peak), phase_ms (first goroutine start → last read returned), entry_gap_us (median gap between
// consecutive goroutines entering read(2), sorted), read_us (median time to fill the buffer),
// alloc_us (median duration of one make([]byte, 1<<20)), first_read_us (the earliest-starting read).
// Look for: threads ≈ start-up level at N=1, growing with N; phase ≈ N × 2.6 ms / 2 cores once reads
// overlap; read_us ≥ 2.6 ms.
//
// conformance: variant=n1_p1 N=1 GOMAXPROCS=1 runs=5 timeout=20s expect=0
// conformance: variant=n10_p1 N=10 GOMAXPROCS=1 runs=5 timeout=20s expect=0
// conformance: variant=n100_p1 N=100 GOMAXPROCS=1 runs=5 timeout=20s expect=0
// conformance: variant=n1000_p1 N=1000 GOMAXPROCS=1 runs=5 timeout=30s expect=0
// conformance: variant=n1_p2 N=1 GOMAXPROCS=2 runs=5 timeout=20s expect=0
// conformance: variant=n10_p2 N=10 GOMAXPROCS=2 runs=5 timeout=20s expect=0
// conformance: variant=n100_p2 N=100 GOMAXPROCS=2 runs=5 timeout=20s expect=0
// conformance: variant=n1000_p2 N=1000 GOMAXPROCS=2 runs=5 timeout=30s expect=0
// conformance: variant=n1_p4 N=1 GOMAXPROCS=4 runs=5 timeout=20s expect=0
// conformance: variant=n10_p4 N=10 GOMAXPROCS=4 runs=5 timeout=20s expect=0
// conformance: variant=n100_p4 N=100 GOMAXPROCS=4 runs=5 timeout=20s expect=0
// conformance: variant=n1000_p4 N=1000 GOMAXPROCS=4 runs=5 timeout=30s expect=0
// conformance: variant=n10_p1_st N=10 GOMAXPROCS=1 GODEBUG=schedtrace=10 runs=5 timeout=20s expect=0
// conformance: variant=n100_p1_st N=100 GOMAXPROCS=1 GODEBUG=schedtrace=10 runs=5 timeout=20s expect=0
// conformance: variant=n100_p2_st N=100 GOMAXPROCS=2 GODEBUG=schedtrace=10 runs=5 timeout=20s expect=0
// conformance: variant=n100_p4_st N=100 GOMAXPROCS=4 GODEBUG=schedtrace=10 runs=5 timeout=20s expect=0
package main

import (
	"fmt"
	"os"
	"runtime/pprof"
	"sort"
	"strconv"
	"sync"
	"time"
)

func median(xs []float64) float64 {
	sort.Float64s(xs)
	return xs[len(xs)/2]
}

func main() {
	n, _ := strconv.Atoi(os.Getenv("N"))
	entered := make([]time.Duration, n)
	readUs := make([]float64, n)
	allocUs := make([]float64, n)
	done := make([]time.Duration, n)
	var wg sync.WaitGroup
	start := time.Now()
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			f, err := os.Open("/dev/urandom")
			if err != nil {
				panic(err)
			}
			a := time.Now()
			buf := make([]byte, 1<<20)
			t := time.Now()
			allocUs[i] = float64(t.Sub(a).Nanoseconds()) / 1e3
			entered[i] = t.Sub(start)
			for off := 0; off < len(buf); {
				m, err := f.Read(buf[off:])
				if err != nil {
					panic(err)
				}
				off += m
			}
			d := time.Since(start)
			readUs[i] = float64((d - entered[i]).Nanoseconds()) / 1e3
			done[i] = d
			f.Close()
		}(i)
	}
	wg.Wait()
	fmt.Println("read", n)
	first := 0
	for i := range entered {
		if entered[i] < entered[first] {
			first = i
		}
	}
	firstRead := readUs[first]
	last := time.Duration(0)
	for _, d := range done {
		if d > last {
			last = d
		}
	}
	sort.Slice(entered, func(a, b int) bool { return entered[a] < entered[b] })
	fmt.Printf("MEASURE threads_end=%d\n", pprof.Lookup("threadcreate").Count())
	fmt.Printf("MEASURE phase_ms=%.3f ms\n", float64(last.Nanoseconds())/1e6)
	if n > 1 {
		gaps := make([]float64, 0, n-1)
		for i := 1; i < n; i++ {
			gaps = append(gaps, float64((entered[i]-entered[i-1]).Nanoseconds())/1e3)
		}
		fmt.Printf("MEASURE entry_gap_us=%.1f us\n", median(gaps))
	}
	fmt.Printf("MEASURE read_us=%.1f us\n", median(readUs))
	fmt.Printf("MEASURE alloc_us=%.2f us\n", median(allocUs))
	fmt.Printf("MEASURE first_read_us=%.1f us\n", firstRead)
}
