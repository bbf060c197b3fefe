// Behaviour: how long a runnable goroutine waits when the only P's goroutine enters a blocking syscall.
// Spec: §20 item 9, §8 (sysmon delay 20 µs doubling to 10 ms, deep sleep), §8.1 (retake: 2 observations),
// §21.1 (schedtrace keeps sysmon from deep-sleeping).
// GOMAXPROCS=1. Each trial: main optionally burns BUSY_MS of CPU, starts goroutine S and calls
// runtime.Gosched(): main goes to the global queue, S (in runnext) runs, stamps t0 and enters
// syscall.Nanosleep(SYSCALL_MS). The P stays in _Psyscall until sysmon retakes it and hands it to an M that
// runs main; main stamps t1. MEASURE retake_us = t1 − t0 for every trial, retake_first_us for trial 0.
// Variant fresh: BUSY_MS=0; trial 0 runs right after start-up (sysmon's delay still small), later trials
// start right after S's previous syscall returned.
// Variant busy15: 15 ms of CPU before every trial (no retakes for a while: sysmon backs off).
// Variant busy50: 50 ms of CPU before every trial (sysmon fully backed off to its 10 ms delay).
// Variant presleep: main sleeps 50 ms first (all Ps idle → sysmon deep-sleeps; entersyscall wakes it and
// resets its delay), then trials with BUSY_MS=0.
// Variant busy15_schedtrace: busy15 with GODEBUG=schedtrace=1000.
// Look for (spec): 50–370 µs when sysmon was recently active, 7–16 ms after it backed off.
// Go 1.26: trial 0's syscall is main's first with entersyscall, and P0's syscalltick is still 0 (package os's
// init reads fds 0–2 with runtime.fcntl, not syscall.Syscall as in go1.19), so sysmon takes the P at its first
// look instead of its second: one sysmon tick sooner (src/runtime/version.ts osInitRawFcntl).
//
// conformance: variant=fresh GOMAXPROCS=1 BUSY_MS=0 runs=7 timeout=10s expect=0
// conformance: variant=busy15 GOMAXPROCS=1 BUSY_MS=15 runs=7 timeout=10s expect=0
// conformance: variant=busy50 GOMAXPROCS=1 BUSY_MS=50 runs=5 timeout=10s expect=0
// conformance: variant=presleep GOMAXPROCS=1 BUSY_MS=0 PRE_SLEEP_MS=50 runs=7 timeout=10s expect=0
// conformance: variant=busy15_schedtrace GOMAXPROCS=1 BUSY_MS=15 GODEBUG=schedtrace=1000 runs=5 timeout=10s expect=0
package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"sync/atomic"
	"syscall"
	"time"
)

func envMs(name string, def int) time.Duration {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return time.Duration(v) * time.Millisecond
	}
	return time.Duration(def) * time.Millisecond
}

var base = time.Now()

func now() int64 { return int64(time.Since(base)) }

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
	busy := envMs("BUSY_MS", 0)
	pre := envMs("PRE_SLEEP_MS", 0)
	sys := envMs("SYSCALL_MS", 40)
	const trials = 5
	if pre > 0 {
		time.Sleep(pre)
	}
	for i := 0; i < trials; i++ {
		burn(busy)
		var t0 int64
		done := make(chan struct{})
		go func() {
			atomic.StoreInt64(&t0, now())
			sleepSyscall(sys)
			close(done)
		}()
		runtime.Gosched()
		t1 := now()
		lat := float64(t1-atomic.LoadInt64(&t0)) / 1e3
		if i == 0 {
			fmt.Printf("MEASURE retake_first_us=%.1f us\n", lat)
		}
		fmt.Printf("MEASURE retake_us=%.1f us\n", lat)
		<-done
	}
	fmt.Println("done")
}
