// Behaviour: a realistic disk-reading worker pool: file reads are blocking syscalls (no netpoller), short
// ones come back through the exitsyscall fast path, long ones can cost a P handoff and a thread.
// Spec: §7 (syscalls), §8.1 (retake), §14, seed documents on "disk I/O = blocked M".
// The program creates a temp dir with 400 files (sizes 1–256 KiB from a fixed LCG, deterministic contents),
// then 8 workers take file names from a channel, os.ReadFile each one and send back a checksum; main sums.
// The files are in the page cache, so each read is a few µs to ~100 µs.
// stdout: file count, total bytes and checksum (identical every run). MEASURE elapsed_ms (read phase),
// threads_start, threads_after, os_threads_after.
// Look for: deterministic stdout; threads stay near the start-up level (short syscalls rarely get retaken).
//
// conformance: variant=gomaxprocs1 GOMAXPROCS=1 runs=5 timeout=20s expect=0
// conformance: variant=gomaxprocs2 GOMAXPROCS=2 runs=5 timeout=20s expect=0
// conformance: variant=gomaxprocs2_schedtrace GOMAXPROCS=2 GODEBUG=schedtrace=10 runs=5 timeout=20s expect=0
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"sync"
	"time"
)

func threads() (ms, osThreads int) {
	ents, _ := os.ReadDir("/proc/self/task")
	return pprof.Lookup("threadcreate").Count(), len(ents)
}

type result struct {
	size int
	sum  uint64
}

func checksum(b []byte) uint64 {
	h := uint64(14695981039346656037) // FNV-1a
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

func main() {
	m, _ := threads()
	fmt.Printf("MEASURE threads_start=%d threads\n", m)

	dir, err := os.MkdirTemp("", "gmpsim-pool-")
	if err != nil {
		fmt.Println("mkdtemp:", err)
		os.Exit(1)
	}
	defer os.RemoveAll(dir)

	const files = 400
	seed := uint32(12345)
	next := func() uint32 { seed = seed*1664525 + 1013904223; return seed }
	names := make([]string, files)
	for i := range names {
		size := 1024 + int(next()%(255*1024))
		b := make([]byte, size)
		for j := range b {
			b[j] = byte(next() >> 24)
		}
		names[i] = filepath.Join(dir, fmt.Sprintf("f%03d.dat", i))
		if err := os.WriteFile(names[i], b, 0o600); err != nil {
			fmt.Println("write:", err)
			os.Exit(1)
		}
	}

	start := time.Now()
	jobs := make(chan string)
	results := make(chan result)
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for name := range jobs {
				b, err := os.ReadFile(name)
				if err != nil {
					fmt.Println("read:", err)
					os.Exit(1)
				}
				results <- result{len(b), checksum(b)}
			}
		}()
	}
	go func() {
		for _, n := range names {
			jobs <- n
		}
		close(jobs)
		wg.Wait()
		close(results)
	}()
	var total int
	var sum uint64
	count := 0
	for r := range results {
		total += r.size
		sum += r.sum // order-independent
		count++
	}
	fmt.Printf("MEASURE elapsed_ms=%.3f ms\n", float64(time.Since(start).Microseconds())/1e3)
	m, o := threads()
	fmt.Printf("MEASURE threads_after=%d threads\nMEASURE os_threads_after=%d threads\n", m, o)
	fmt.Printf("files=%d bytes=%d checksum=%016x\n", count, total, sum)
}
