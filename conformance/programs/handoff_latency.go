// Behaviour: how long a runnable goroutine waits for the P when the goroutine holding it enters a fresh
// blocking syscall, depending on what sysmon was doing: deep-sleeping (all Ps idle: main slept), ticking
// every 20 µs (start-up), or backed off to 10 ms (main spun). Also how late the raw syscall.Nanosleep returns.
// Spec: §8 (sysmon loop, deep sleep on sysmonnote, entersyscall's sysmonwake), §8.1 (retake), §7.1.
// Each trial: PRE (none | time.Sleep(PRE_MS) | PRE_MS of CPU), then main starts goroutine B (it lands in
// runnext; at GOMAXPROCS ≥ 2 wakep also starts a spinning M), stamps t0 and calls
// syscall.Nanosleep(SYSCALL_MS). B stamps t1 when it first runs. After the syscall main stamps t2.
// MEASURE handoff_us = t1 − t0 (every trial), handoff_first_us (trial 0), nanosleep_late_us = t2 − t0 −
// SYSCALL_MS (how late the raw nanosleep returned: timer slack + wake-up). All figures are printed at the
// end, so no write syscall runs between trials.
// With schedtrace sysmon never deep-sleeps (§21.1).
// Go 1.26: trial 0's syscall is main's first with entersyscall, and P0's syscalltick is still 0 (package os's
// init reads fds 0–2 with runtime.fcntl, not syscall.Syscall as in go1.19), so sysmon takes the P at its first
// look instead of its second: one sysmon tick sooner (src/runtime/version.ts osInitRawFcntl).
//
// conformance: variant=p1_none GOMAXPROCS=1 PRE=none runs=7 timeout=10s expect=0
// conformance: variant=p1_sleep1 GOMAXPROCS=1 PRE=sleep PRE_MS=1 runs=7 timeout=10s expect=0
// conformance: variant=p1_sleep20 GOMAXPROCS=1 PRE=sleep PRE_MS=20 runs=7 timeout=10s expect=0
// conformance: variant=p1_sleep100 GOMAXPROCS=1 PRE=sleep PRE_MS=100 runs=7 timeout=10s expect=0
// conformance: variant=p1_spin50 GOMAXPROCS=1 PRE=spin PRE_MS=50 runs=5 timeout=10s expect=0
// conformance: variant=p1_sleep100_st GOMAXPROCS=1 PRE=sleep PRE_MS=100 GODEBUG=schedtrace=1000 runs=5 timeout=10s expect=0
// conformance: variant=p1_none_st GOMAXPROCS=1 PRE=none GODEBUG=schedtrace=1000 runs=5 timeout=10s expect=0
// conformance: variant=p2_none GOMAXPROCS=2 PRE=none runs=7 timeout=10s expect=0
// conformance: variant=p2_sleep100 GOMAXPROCS=2 PRE=sleep PRE_MS=100 runs=7 timeout=10s expect=0
// conformance: variant=p2_spin50 GOMAXPROCS=2 PRE=spin PRE_MS=50 runs=5 timeout=10s expect=0
// conformance: variant=p2_sleep100_st GOMAXPROCS=2 PRE=sleep PRE_MS=100 GODEBUG=schedtrace=1000 runs=5 timeout=10s expect=0
// conformance: variant=p4_none GOMAXPROCS=4 PRE=none runs=5 timeout=10s expect=0
// conformance: variant=p4_sleep100 GOMAXPROCS=4 PRE=sleep PRE_MS=100 runs=5 timeout=10s expect=0
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync/atomic"
	"syscall"
	"time"
)

var base = time.Now()

func now() int64 { return int64(time.Since(base)) }

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return v
	}
	return def
}

func sleepSyscall(d time.Duration) {
	ts := syscall.NsecToTimespec(int64(d))
	for {
		var rem syscall.Timespec
		if err := syscall.Nanosleep(&ts, &rem); err != syscall.EINTR {
			return
		}
		ts = rem
	}
}

func burn(d time.Duration) {
	end := time.Now().Add(d)
	for time.Now().Before(end) {
	}
}

func main() {
	pre := os.Getenv("PRE")
	preD := time.Duration(envInt("PRE_MS", 0)) * time.Millisecond
	sys := time.Duration(envInt("SYSCALL_MS", 20)) * time.Millisecond
	const trials = 5
	var handoff, late [trials]float64
	for i := 0; i < trials; i++ {
		if pre == "sleep" {
			time.Sleep(preD)
		} else if pre == "spin" {
			burn(preD)
		}
		var t1 int64
		got := make(chan struct{})
		go func() {
			atomic.StoreInt64(&t1, now())
			close(got)
		}()
		t0 := now()
		sleepSyscall(sys)
		t2 := now()
		<-got
		handoff[i] = float64(atomic.LoadInt64(&t1)-t0) / 1e3
		late[i] = float64(t2-t0-int64(sys)) / 1e3
	}
	fmt.Printf("MEASURE handoff_first_us=%.1f us\n", handoff[0])
	for i := 0; i < trials; i++ {
		fmt.Printf("MEASURE handoff_us=%.1f us\n", handoff[i])
	}
	for i := 0; i < trials; i++ {
		fmt.Printf("MEASURE nanosleep_late_us=%.1f us\n", late[i])
	}
	fmt.Println("done")
}
