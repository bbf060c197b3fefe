// Behaviour: a goroutine whose `go` statement has to create a thread waits for the clone.
// Spec: §6.2–6.3 (wakep → startm → no idle M → newm), §6.3 "newm → allocm → newm1 → newosproc (clone)",
// §16 step 3 (each `go` at startup calls wakep, which creates spinning Ms).
// GOMAXPROCS=2, P1 idle. Each trial times one `go` statement: newproc puts the G in runnext, then wakep
// finds an idle P and no spinning M and calls startm, which either wakes an idle M (futex wake) or, when
// none is idle, creates one: newm runs clone() on the CALLING thread, so the `go` statement takes as long
// as the clone. Every started goroutine locks its thread and blocks forever, so each trial takes one M
// out of circulation for good (a locked M parks for its G alone, never on the idle list): once the
// start-up's idle Ms are used up, every trial has to create a thread. main sleeps 300 µs between
// trials so the spinning M has parked again.
// MEASURE go_newthread_us: median time of the `go` statements that took > 8 µs (a thread was created);
// go_wake_us: median of the others (an idle M was woken); newthread_trials: how many took > 8 µs.
// Look for: two populations, ≈ 20 µs (clone in the caller) and ≈ 1–3 µs (futex wake syscall), the
// first one in most of the 200 trials.
//
// conformance: variant=gomaxprocs2 GOMAXPROCS=2 runs=5 timeout=20s expect=0
package main

import (
	"fmt"
	"runtime"
	"sort"
	"time"
)

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return -1
	}
	sort.Float64s(xs)
	return xs[len(xs)/2]
}

func main() {
	var created, woken []float64
	for i := 0; i < 200; i++ {
		t0 := time.Now()
		go func() {
			runtime.LockOSThread()
			select {}
		}()
		dt := float64(time.Since(t0).Nanoseconds()) / 1e3
		time.Sleep(300 * time.Microsecond)
		if dt > 8 {
			created = append(created, dt)
		} else {
			woken = append(woken, dt)
		}
	}
	fmt.Printf("MEASURE go_newthread_us=%.2f us\n", median(created))
	fmt.Printf("MEASURE go_wake_us=%.2f us\n", median(woken))
	fmt.Printf("MEASURE newthread_trials=%d count\n", len(created))
}
