// Behaviour: forcegc. sysmon readies the forcegc goroutine when a GC cycle has run before and none has
// run for forcegcperiod (2 minutes); it prints "GC forced" under gctrace and starts a time-triggered
// cycle (not "(forced)": only runtime.GC's cycles are user-forced). main runs one runtime.GC(), then
// sleeps 130 s with nothing allocating; a program that never had a cycle is never forced
// (last_gc_nanotime == 0), which the engine tests check against the runtime's source.
// Spec: seeds' sysmon duties ("force GC if no GC for > 2 minutes"); runtime proc.go sysmon, forcegchelper;
// mgc.go gcTrigger.test. Issue #18.
// MEASURE numgc / numforcedgc: MemStats after the sleep; since_gc_s: seconds from the runtime.GC() to
// the forced cycle's end (MemStats.LastGC).
// Look for: numgc 2, numforcedgc 1, since_gc_s ≈ 120–180 (sysmon notices within its idle sleep).
// Each run takes 130 s of real time, so the variant has 2 runs (the minimum the house rule's 5 would
// take 11 minutes of recording per release).
//
// conformance: variant=idle GOMAXPROCS=2 GODEBUG=gctrace=1 runs=2 timeout=150s expect=0
package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	first := ms.LastGC
	time.Sleep(130 * time.Second)
	runtime.ReadMemStats(&ms)
	fmt.Printf("MEASURE numgc=%d count\n", ms.NumGC)
	fmt.Printf("MEASURE numforcedgc=%d count\n", ms.NumForcedGC)
	fmt.Printf("MEASURE since_gc_s=%.1f s\n", float64(ms.LastGC-first)/1e9)
	fmt.Println("done")
}
