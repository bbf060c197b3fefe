// Behaviour: the state of a P whose goroutine blocks in a syscall, as scheddetail dumps show it.
// Spec: §7 (entersyscall; the 1.26 syscall model, §7.3), §8.1 (retake), §20 items 14 and 22.
// main calls syscall.Nanosleep(SYSCALL_MS) at once (sysmon is still at its 20 µs delay, so schedtrace=1 prints
// a dump about every millisecond) and nothing else is runnable. The recorder parses every dump
// (sched.perRun[].P/M/G); the comparison's sched:syscallP check classifies the P of the goroutine in the
// syscall (G status=3) in each dump:
//   go1.19: entersyscall unwires the P: `P0: status=2 (_Psyscall) … m=-1`, `M0: p=-1 curg=1`;
//   go1.26: the P stays wired to the M: `P0: status=1 (_Prunning) … m=0`, `M0: p=0 curg=1` (_Psyscall is gone,
//           proc.go reentersyscall; sysmon takes the P with setBlockOnExitSyscall + takeP).
// p2_*: GOMAXPROCS=2, so one P is idle and retake leaves the syscall's P alone for 10 ms (proc.go retake:
// runqempty && npidle+nmspinning > 0 && syscallwhen+10ms > now): an 8 ms syscall keeps it throughout, a
// 40 ms one loses it after ≈10 ms (status=0 from then on, on both releases). p1_40: GOMAXPROCS=1, no idle P:
// retaken at sysmon's second look (≈20–250 µs), so later dumps show the P idle (status=0) or running the
// spinning M that handoffp started.
// MEASURE syscall_ms: the syscall's length as main saw it.
//
// conformance: variant=p2_8 GOMAXPROCS=2 SYSCALL_MS=8 GODEBUG=schedtrace=1,scheddetail=1 runs=5 timeout=5s expect=0
// conformance: variant=p2_40 GOMAXPROCS=2 SYSCALL_MS=40 GODEBUG=schedtrace=1,scheddetail=1 runs=5 timeout=5s expect=0
// conformance: variant=p1_40 GOMAXPROCS=1 SYSCALL_MS=40 GODEBUG=schedtrace=1,scheddetail=1 runs=5 timeout=5s expect=0
package main

import (
	"fmt"
	"os"
	"strconv"
	"syscall"
	"time"
)

func main() {
	ms, err := strconv.Atoi(os.Getenv("SYSCALL_MS"))
	if err != nil {
		ms = 8
	}
	t := time.Now()
	ts := syscall.NsecToTimespec(int64(ms) * int64(time.Millisecond))
	for {
		// EINTR: sleep for the rest (never seen on this machine, spec §21.9).
		if err := syscall.Nanosleep(&ts, &ts); err != syscall.EINTR {
			break
		}
	}
	d := time.Since(t)
	fmt.Println("done")
	fmt.Printf("MEASURE syscall_ms=%.2f ms\n", float64(d.Microseconds())/1e3)
}
