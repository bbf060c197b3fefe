// Behaviour: length of the time slices of CPU-bound goroutines under sysmon preemption.
// Spec: §21.7 (≈20 ms, not 10 ms), §8.1 retake/preemptone, §9.
// GOMAXPROCS=1; two CPU-bound goroutines share the P for ~1.5 s.
// B loops `for { atomic.AddUint64(&x, 1) }` (an inlined instruction, no call: only async preemption can
// stop it). A (observer) loops reading the monotonic clock, then x. When x advanced since the previous
// iteration, B ran in between: that closes one of A's slices and the clock jump is B's slice (if the jump
// is small, B ran after the clock read and the jump shows in the next iteration). Jumps > 100 µs in which
// x did not move are the VM/OS taking the CPU away (counted as hiccups, not switches).
// The first and last segment are dropped. MEASURE a_slice_ms (each of A's slices), b_slice_ms (each of B's),
// switches (goroutine switches seen), hiccups (OS-level stalls > 100 µs inside A's slices).
// Look for: both ≈ 20 ms (sysmon's delay has backed off to 10 ms; the 10 ms slice check needs a first
// observation and one more tick), not 10 ms.
//
// conformance: variant=gomaxprocs1 GOMAXPROCS=1 runs=5 timeout=10s expect=0
// conformance: variant=gomaxprocs1_schedtrace GOMAXPROCS=1 GODEBUG=schedtrace=1000 runs=5 timeout=10s expect=0
package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

var x uint64

func spin() {
	for {
		atomic.AddUint64(&x, 1)
	}
}

func main() {
	var stop int32
	type seg struct{ start, end time.Duration } // one of A's slices
	type report struct {
		segs    []seg
		hiccups int
	}
	result := make(chan report)
	base := time.Now()
	go func() { // A
		var r report
		last := time.Since(base)
		lastX := atomic.LoadUint64(&x)
		cur := seg{start: last}
		pending := false
		for atomic.LoadInt32(&stop) == 0 {
			now := time.Since(base)
			nx := atomic.LoadUint64(&x)
			gap := now - last
			switched := false
			if pending {
				// B ran after the previous clock read, so this gap holds its slice.
				switched, pending = true, false
			} else if nx != lastX {
				if gap > 100*time.Microsecond {
					switched = true
				} else {
					pending = true // B ran between this clock read and the load of x
				}
			}
			if switched {
				cur.end = last
				r.segs = append(r.segs, cur)
				cur = seg{start: now}
			} else if gap > 100*time.Microsecond {
				r.hiccups++
			}
			last, lastX = now, nx
		}
		result <- r
	}()
	go spin() // B
	time.Sleep(1500 * time.Millisecond)
	atomic.StoreInt32(&stop, 1)
	r := <-result
	n := 0
	for i := 1; i < len(r.segs); i++ {
		// B's slice lies between A's segments i-1 and i (main's brief wake-up at the end also falls in one).
		b := r.segs[i].start - r.segs[i-1].end
		fmt.Printf("MEASURE b_slice_ms=%.3f ms\n", float64(b.Microseconds())/1e3)
		if i < len(r.segs)-1 {
			fmt.Printf("MEASURE a_slice_ms=%.3f ms\n", float64((r.segs[i].end-r.segs[i].start).Microseconds())/1e3)
		}
		n++
	}
	fmt.Printf("MEASURE switches=%d count\n", 2*n)
	fmt.Printf("MEASURE hiccups=%d count\n", r.hiccups)
	fmt.Println("done")
}
