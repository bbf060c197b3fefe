// Behaviour: a lone long syscall still loses its P, seen through scheddetail.
// Spec: §20 items 14, 15 and 22, §8.1 (retake when npidle+nmspinning == 0), §17.2.
// GOMAXPROCS=1; main itself calls syscall.Nanosleep(700 ms, or SYSCALL_MS) and nothing else is runnable.
// sysmon observes P0 in _Psyscall (status=2); since no P is idle and nobody spins it retakes it on the
// second observation and hands it off (startm spinning): soon P0 shows status=0 (idle), M0 shows p=-1
// curg=1, G1 shows status=3 with a stale wait reason.
// The recorder parses every SCHED block (sched.perRun[].P/M/G). Variant short: the short form only.
// Variant detail_1ms: schedtrace=1 prints at every sysmon wake-up at least 1 ms after the previous line;
// main first burns BUSY_MS=60 ms of CPU so sysmon has backed off to its 10 ms delay, then sleeps
// SYSCALL_MS=150 ms in the syscall: the first observation prints P0 still in status=2 (_Psyscall, m=-1),
// the next one retakes it (status=0). (Without the CPU burn sysmon is still at 20–40 µs and the retake
// happens between two printed lines.)
//
// conformance: variant=scheddetail GOMAXPROCS=1 GODEBUG=schedtrace=100,scheddetail=1 runs=5 timeout=5s expect=0
// conformance: variant=short GOMAXPROCS=1 GODEBUG=schedtrace=100 runs=5 timeout=5s expect=0
// conformance: variant=detail_1ms GOMAXPROCS=1 BUSY_MS=60 SYSCALL_MS=150 GODEBUG=schedtrace=1,scheddetail=1 runs=5 timeout=5s expect=0
package main

import (
	"fmt"
	"os"
	"strconv"
	"syscall"
	"time"
)

func main() {
	ms := 700
	if v, err := strconv.Atoi(os.Getenv("SYSCALL_MS")); err == nil {
		ms = v
	}
	if v, err := strconv.Atoi(os.Getenv("BUSY_MS")); err == nil {
		end := time.Now().Add(time.Duration(v) * time.Millisecond)
		for time.Now().Before(end) {
		}
	}
	ts := syscall.NsecToTimespec(int64(time.Duration(ms) * time.Millisecond))
	for {
		var rem syscall.Timespec
		if err := syscall.Nanosleep(&ts, &rem); err != syscall.EINTR {
			break
		}
		ts = rem
	}
	fmt.Println("done")
}
