// Behaviour: none — this program measures what the first timer of a process costs on the recording machine:
// the runtime starts its network poller lazily, on the first timer put in a heap (1.19 time.go doaddtimer,
// 1.26 timers.addHeap → netpollGenericInit → netpollinit: epoll_create1, a non-blocking pipe (1.19) or an
// eventfd (1.26), epoll_ctl) or on the first pollable file. Calibration for src/runtime/cost.ts netpollInit
// (what time.ts charges the M that puts the first timer in a heap), not a scheduler behaviour of Go.
// Spec: §10 (netpoll), §19 (costs).
// Each run is a fresh process (the initialisation happens once per process), so each variant has many runs.
// MODE=timer: first_timer_us = the first time.AfterFunc(1h, f) (the first timer: it starts the poller),
// second_timer_us = the next one; with PIPE=1 an os.Pipe() made first has started the poller already (its
// first_timer_us is the first call's cold code alone). MODE=sleep: first_sleep_us = the first time.Sleep(1ms)
// of the process (its timer starts the poller before the M blocks in epoll_wait), sleep_us = the median of
// the 40 that follow, the same with PIPE=1.
//
// conformance: variant=timer GOMAXPROCS=1 MODE=timer runs=25 timeout=10s expect=0
// conformance: variant=timer_pipe GOMAXPROCS=1 MODE=timer PIPE=1 runs=25 timeout=10s expect=0
// conformance: variant=sleep GOMAXPROCS=1 MODE=sleep runs=25 timeout=10s expect=0
// conformance: variant=sleep_pipe GOMAXPROCS=1 MODE=sleep PIPE=1 runs=25 timeout=10s expect=0
package main

import (
	"fmt"
	"os"
	"sort"
	"time"
)

func main() {
	if os.Getenv("PIPE") != "" {
		r, w, err := os.Pipe()
		if err != nil {
			panic(err)
		}
		defer r.Close()
		defer w.Close()
	}
	if os.Getenv("MODE") == "sleep" {
		xs := make([]float64, 41)
		for i := range xs {
			t := time.Now()
			time.Sleep(time.Millisecond)
			xs[i] = float64(time.Since(t)) / 1e3
		}
		rest := append([]float64(nil), xs[1:]...)
		sort.Float64s(rest)
		fmt.Printf("MEASURE first_sleep_us=%.2f us\n", xs[0])
		fmt.Printf("MEASURE sleep_us=%.2f us\n", rest[len(rest)/2])
		return
	}
	f := func() {}
	t0 := time.Now()
	a := time.AfterFunc(time.Hour, f)
	t1 := time.Now()
	b := time.AfterFunc(time.Hour, f)
	t2 := time.Now()
	a.Stop()
	b.Stop()
	fmt.Printf("MEASURE first_timer_us=%.2f us\n", float64(t1.Sub(t0))/1e3)
	fmt.Printf("MEASURE second_timer_us=%.2f us\n", float64(t2.Sub(t1))/1e3)
}
