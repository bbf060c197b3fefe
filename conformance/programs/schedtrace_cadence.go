// Behaviour: when sysmon prints GODEBUG=schedtrace lines.
// Spec: §20 item 13, §17, §21.1.
// main just sleeps 3.5 s (IDLE) or spins on a second goroutine for 3.5 s (BUSY=1). sysmon prints a SCHED
// line whenever lasttrace+1000 ms <= now at one of its wake-ups, so each interval overshoots by up to one
// sysmon delay (10 ms once backed off) and the drift accumulates: 0, ~1004, ~2014, ~3024 ms (spec).
// No line is printed at exit. The recorder's sched.lineTimesMs holds the times per line index.
//
// conformance: variant=idle GODEBUG=schedtrace=1000 runs=5 timeout=10s expect=0
// conformance: variant=busy BUSY=1 GOMAXPROCS=2 GODEBUG=schedtrace=1000 runs=5 timeout=10s expect=0
package main

import (
	"fmt"
	"os"
	"time"
)

var x uint64

func main() {
	if os.Getenv("BUSY") == "1" {
		go func() {
			for {
				x++
			}
		}()
	}
	time.Sleep(3500 * time.Millisecond)
	fmt.Println("done")
}
