// Behaviour: when sysmon takes the P of a process's first blocking syscall, with and without an earlier
// syscall on that P: retake (proc.go, both releases) takes a P only if its syscalltick equals the one sysmon
// recorded (initially 0); a different one is recorded and the P kept until sysmon's next look.
// Spec: §8.1 (retake: 2 observations), §7.
// GOMAXPROCS=1, right after start-up (sysmon still ticks every 20 µs). main optionally makes one short
// syscall first (WARM=1: syscall.Nanosleep(1 µs), entersyscall + exitsyscall, so P0's syscalltick
// moves), starts goroutine S and calls runtime.Gosched(): S (in runnext) stamps t0 and enters
// syscall.Nanosleep(20 ms); main waits in the global queue until sysmon retakes the P and hands it to an M,
// then stamps t1. MEASURE first_retake_us = t1 − t0.
// go1.19.8: package os's init already made three fcntl(F_GETFL) through syscall.Syscall (P0's syscalltick is
// 3), so both variants need sysmon's second look (≈ 2 ticks). go1.26.8: those fcntls go through
// runtime.fcntl (no entersyscall), P0's syscalltick is still 0 and the cold variant is taken at sysmon's
// first look (≈ 1 tick); the warm variant needs the second, as on go1.19 (src/runtime/version.ts
// osInitRawFcntl).
//
// conformance: variant=cold GOMAXPROCS=1 WARM=0 runs=9 timeout=10s expect=0
// conformance: variant=warm GOMAXPROCS=1 WARM=1 runs=9 timeout=10s expect=0
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

func main() {
	if envInt("WARM", 0) == 1 {
		sleepSyscall(time.Microsecond)
	}
	var t0 int64
	done := make(chan struct{})
	go func() {
		atomic.StoreInt64(&t0, now())
		sleepSyscall(20 * time.Millisecond)
		close(done)
	}()
	runtime.Gosched()
	t1 := now()
	<-done
	fmt.Printf("MEASURE first_retake_us=%.1f us\n", float64(t1-atomic.LoadInt64(&t0))/1e3)
	fmt.Println("done")
}
