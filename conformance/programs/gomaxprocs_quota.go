// Behaviour: the default GOMAXPROCS of a process in a cgroup with a CPU quota (container-aware GOMAXPROCS).
// Spec: §16 (GOMAXPROCS), issue #12.
// Since go1.25 (cgroup_linux.go defaultGOMAXPROCS, with a `go 1.25`+ module) the default GOMAXPROCS is the
// smaller of NumCPU (sched_getaffinity) and the cgroup's CPU limit quota/period — rounded up, and at least
// 2 — and sysmon re-reads the limit about once a second (sysmonUpdateGOMAXPROCS) unless GOMAXPROCS was set or
// GODEBUG=updatemaxprocs=0; containermaxprocs=0 ignores the cgroup. go1.19 uses NumCPU.
// The recorder runs each `cpuquota=Q` variant in a fresh cgroup (v1 cpu.cfs_quota_us = Q × cpu.cfs_period_us,
// or v2 cpu.max) that the child joins before it execs the program.
// On this project's machine NumCPU is 2, so a quota can never lower GOMAXPROCS (the limit is rounded up to
// at least 2): what is recorded here is that rule — 0.5 and 1.5 CPUs both give 2 — and that the GODEBUG
// settings are accepted; a GOMAXPROCS change under a quota needs a machine with 3 or more CPUs.
// The program prints GOMAXPROCS(0) and NumCPU at start and again after 1.2 s (past sysmon's 1 s re-read).
//
// conformance: variant=noquota runs=5 timeout=5s expect=0
// conformance: variant=quota0.5 cpuquota=0.5 runs=5 timeout=5s expect=0
// conformance: variant=quota1.5 cpuquota=1.5 runs=5 timeout=5s expect=0
// conformance: variant=quota0.5_noupdate cpuquota=0.5 GODEBUG=updatemaxprocs=0 runs=5 timeout=5s expect=0
// conformance: variant=quota0.5_nocontainer cpuquota=0.5 GODEBUG=containermaxprocs=0 runs=5 timeout=5s expect=0
// conformance: variant=quota0.5_env1 cpuquota=0.5 GOMAXPROCS=1 runs=5 timeout=5s expect=0
package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	fmt.Printf("start GOMAXPROCS=%d NumCPU=%d\n", runtime.GOMAXPROCS(0), runtime.NumCPU())
	time.Sleep(1200 * time.Millisecond)
	fmt.Printf("after 1.2s GOMAXPROCS=%d NumCPU=%d\n", runtime.GOMAXPROCS(0), runtime.NumCPU())
	fmt.Printf("MEASURE gomaxprocs=%d\n", runtime.GOMAXPROCS(0))
}
