// Behaviour: a runnext ping-pong pair shares one time slice (inheritTime) and is preempted as a unit.
// Spec: §20 item 18, §4.1 (runqget returns inheritTime for runnext), §8.1.
// GOMAXPROCS=1; goroutines P and Q pass a token over unbuffered channels as fast as they can; B spins in
// `for { atomic.AddUint64(&x, 1) }` (no call). Each handoff readies the partner into runnext, so schedtick
// does not advance and sysmon sees one long slice: after ~10–20 ms it preempts whichever of P/Q is running,
// and B gets the P. P timestamps every round trip and then reads x; when x advanced, B ran in between and
// the clock jump is B's slice (jumps > 100 µs without x moving are OS/VM stalls, counted as hiccups).
// MEASURE pair_slice_ms (the pair's run segments), b_slice_ms (B's), roundtrip_ns (median round trip while
// running), switches, hiccups.
// Look for: B is not starved (if every handoff counted as a new slice it would be) and b_slice_ms ≈ 20 ms.
// Measured on go1.19.8: pair_slice_ms is often longer than 20 ms (median ≈ 40 ms, up to ≈ 300 ms): a
// preemption request that lands while P or Q is inside channel code is often lost.
//
// conformance: variant=gomaxprocs1 GOMAXPROCS=1 runs=5 timeout=10s expect=0
package main

import (
	"fmt"
	"sort"
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
	ping, pong := make(chan int), make(chan int)
	type seg struct{ start, end time.Duration }
	type report struct {
		segs    []seg
		rtts    []time.Duration
		hiccups int
	}
	result := make(chan report)
	base := time.Now()
	go func() { // Q
		for v := range ping {
			pong <- v
		}
	}()
	go func() { // P
		var r report
		r.rtts = make([]time.Duration, 0, 1<<16)
		last := time.Since(base)
		lastX := atomic.LoadUint64(&x)
		cur := seg{start: last}
		pending := false
		for i := 0; atomic.LoadInt32(&stop) == 0; i++ {
			ping <- i
			<-pong
			now := time.Since(base)
			nx := atomic.LoadUint64(&x)
			d := now - last
			switched := false
			if pending {
				switched, pending = true, false // B ran after the previous clock read
			} else if nx != lastX {
				if d > 100*time.Microsecond {
					switched = true
				} else {
					pending = true // B ran between this clock read and the load of x
				}
			}
			if switched {
				cur.end = last
				r.segs = append(r.segs, cur)
				cur = seg{start: now}
			} else if d > 100*time.Microsecond {
				r.hiccups++
			} else if len(r.rtts) < cap(r.rtts) {
				r.rtts = append(r.rtts, d)
			}
			last, lastX = now, nx
		}
		close(ping)
		result <- r
	}()
	go spin() // B
	time.Sleep(1500 * time.Millisecond)
	atomic.StoreInt32(&stop, 1)
	r := <-result
	n := 0
	for i := 1; i < len(r.segs); i++ {
		b := r.segs[i].start - r.segs[i-1].end
		fmt.Printf("MEASURE b_slice_ms=%.3f ms\n", float64(b.Microseconds())/1e3)
		if i < len(r.segs)-1 {
			fmt.Printf("MEASURE pair_slice_ms=%.3f ms\n", float64((r.segs[i].end-r.segs[i].start).Microseconds())/1e3)
		}
		n++
	}
	sort.Slice(r.rtts, func(i, j int) bool { return r.rtts[i] < r.rtts[j] })
	if len(r.rtts) > 0 {
		fmt.Printf("MEASURE roundtrip_ns=%d ns\n", r.rtts[len(r.rtts)/2].Nanoseconds())
	}
	fmt.Printf("MEASURE switches=%d count\n", 2*n)
	fmt.Printf("MEASURE hiccups=%d count\n", r.hiccups)
	fmt.Println("done")
}
