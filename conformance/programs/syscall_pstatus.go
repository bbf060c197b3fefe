// Behaviour: the state of a P whose goroutine blocks in a syscall, as scheddetail dumps show it.
// Spec: §7 (entersyscall; the 1.26 syscall model, §7.3), §8.1 (retake), §20 items 14 and 22.
// main calls syscall.Nanosleep(SYSCALL_MS) CALLS times, with runtime.Gosched() after each call (YIELD=1);
// nothing else is runnable. schedtrace=1 prints
// a scheddetail dump at every sysmon wake-up ≥ 1 ms after the previous one. The recorder parses every dump
// (sched.perRun[].P/M/G); the comparison's sched:syscallP check classifies, in each dump, the P of the
// goroutine in the syscall (G status=3) and compares the most frequent state:
//   go1.19: entersyscall unwires the P: `P0: status=2 (_Psyscall) … m=-1`, `M0: p=-1 curg=1`;
//   go1.26: the P stays wired to the M: `P0: status=1 (_Prunning) … m=0`, `M0: p=0 curg=1` (_Psyscall is gone,
//           proc.go reentersyscall; sysmon takes the P with setBlockOnExitSyscall + takeP);
//   either: retaken — handed off, the dump shows it idle or with another M.
// loop_p2: 100 × 1 ms at GOMAXPROCS=2. The other P is idle, so retake leaves a syscall's P alone for 10 ms
// (proc.go retake: runqempty && npidle+nmspinning > 0 && syscallwhen+10ms > now) and each call ends before:
// nearly every dump catches main inside a call with its P in the release's syscall state. The Gosched
// matters: retake also takes a syscall's P when the P has not scheduled for forcePreemptNS = 10 ms
// (sysretake: pd.schedwhen+forcePreemptNS <= now), so a goroutine looping over syscalls without
// rescheduling loses its P in every call after its first 10 ms (YIELD=0, loop_p2_noyield, shows that);
// Gosched bumps schedtick. one40_p2 / one40_p1: one 40 ms call at GOMAXPROCS=2 / 1: retaken after ≈10 ms (p2;
// at once when a start-up P is still busy) or at sysmon's second look (p1, no idle P), so most dumps show
// the P retaken on both releases.
// MEASURE syscall_ms: the calls' total length as main saw it.
//
// conformance: variant=loop_p2 GOMAXPROCS=2 SYSCALL_MS=1 CALLS=100 YIELD=1 GODEBUG=schedtrace=1,scheddetail=1 runs=5 timeout=5s expect=0
// conformance: variant=loop_p2_noyield GOMAXPROCS=2 SYSCALL_MS=1 CALLS=100 YIELD=0 GODEBUG=schedtrace=1,scheddetail=1 runs=5 timeout=5s expect=0
// conformance: variant=one40_p2 GOMAXPROCS=2 SYSCALL_MS=40 CALLS=1 GODEBUG=schedtrace=1,scheddetail=1 runs=5 timeout=5s expect=0
// conformance: variant=one40_p1 GOMAXPROCS=1 SYSCALL_MS=40 CALLS=1 GODEBUG=schedtrace=1,scheddetail=1 runs=5 timeout=5s expect=0
package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"syscall"
	"time"
)

func envInt(k string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(k)); err == nil {
		return v
	}
	return def
}

func main() {
	ms := envInt("SYSCALL_MS", 1)
	calls := envInt("CALLS", 100)
	yield := envInt("YIELD", 1) == 1
	t := time.Now()
	for i := 0; i < calls; i++ {
		ts := syscall.NsecToTimespec(int64(ms) * int64(time.Millisecond))
		for {
			// EINTR: sleep for the rest (never seen on this machine, spec §21.9).
			if err := syscall.Nanosleep(&ts, &ts); err != syscall.EINTR {
				break
			}
		}
		if yield {
			runtime.Gosched()
		}
	}
	d := time.Since(t)
	fmt.Println("done")
	fmt.Printf("MEASURE syscall_ms=%.2f ms\n", float64(d.Microseconds())/1e3)
}
