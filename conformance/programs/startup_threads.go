// Behaviour: how many threads exist when main.main starts, per GOMAXPROCS.
// Spec: §20 item 11, §16, §21.4.
// runtime.main starts sysmon, locks G1 to m0 while the init tasks run, and the runtime goroutines it starts
// (forcegc, bgsweep, bgscavenge, later the finalizer goroutine from package os) call wakep, which starts
// spinning Ms while idle Ps exist. MEASURE threads_at_main = pprof "threadcreate" count (= Ms in allm, the
// runtime's mcount) read first thing in main; os_threads_at_main = entries in /proc/self/task.
// With schedtrace=1000 the recorder also gets the `SCHED 0ms` line (firstThreads), printed by sysmon's first
// iteration, i.e. before or while main.main starts.
// Look for: spec §21.4 says 3 (GOMAXPROCS=1, sometimes 4), 4 (2), 5 (4, range 4–6); §20.11 says the first
// SCHED line shows 3 / 4 / 6.
//
// conformance: variant=gomaxprocs1 GOMAXPROCS=1 runs=9 timeout=5s expect=0
// conformance: variant=gomaxprocs2 GOMAXPROCS=2 runs=9 timeout=5s expect=0
// conformance: variant=gomaxprocs4 GOMAXPROCS=4 runs=9 timeout=5s expect=0
// conformance: variant=gomaxprocs1_schedtrace GOMAXPROCS=1 GODEBUG=schedtrace=1000 runs=9 timeout=5s expect=0
// conformance: variant=gomaxprocs2_schedtrace GOMAXPROCS=2 GODEBUG=schedtrace=1000 runs=9 timeout=5s expect=0
// conformance: variant=gomaxprocs4_schedtrace GOMAXPROCS=4 GODEBUG=schedtrace=1000 runs=9 timeout=5s expect=0
package main

import (
	"fmt"
	"os"
	"runtime/pprof"
	"time"
)

func main() {
	ms := pprof.Lookup("threadcreate").Count()
	ents, _ := os.ReadDir("/proc/self/task")
	fmt.Printf("MEASURE threads_at_main=%d threads\nMEASURE os_threads_at_main=%d threads\n", ms, len(ents))
	time.Sleep(20 * time.Millisecond)
	fmt.Printf("MEASURE threads_after_20ms=%d threads\n", pprof.Lookup("threadcreate").Count())
}
