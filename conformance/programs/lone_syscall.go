// Behaviour: a lone long syscall still loses its P, seen through scheddetail.
// Spec: §20 items 14, 15 and 22, §8.1 (retake when npidle+nmspinning == 0), §17.2.
// GOMAXPROCS=1; main itself calls syscall.Nanosleep(700 ms) and nothing else is runnable. sysmon observes
// P0 in _Psyscall (status=2); since no P is idle and nobody spins it retakes it on the second observation and
// hands it off (startm spinning): a few hundred µs in, P0 shows status=0 (idle), M0 shows p=-1 curg=1,
// G1 shows status=3 with a stale wait reason.
// The recorder parses every SCHED block (sched.perRun[].P/M/G). Variant short: the short form only.
//
// conformance: variant=scheddetail GOMAXPROCS=1 GODEBUG=schedtrace=100,scheddetail=1 runs=3 timeout=5s expect=0
// conformance: variant=short GOMAXPROCS=1 GODEBUG=schedtrace=100 runs=3 timeout=5s expect=0
package main

import (
	"fmt"
	"syscall"
	"time"
)

func main() {
	ts := syscall.NsecToTimespec(int64(700 * time.Millisecond))
	for {
		var rem syscall.Timespec
		if err := syscall.Nanosleep(&ts, &rem); err != syscall.EINTR {
			break
		}
		ts = rem
	}
	fmt.Println("done")
}
