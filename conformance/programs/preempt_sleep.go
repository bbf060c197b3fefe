// Behaviour: asynchronous (signal) preemption lets a sleeper wake up when another goroutine never yields.
// Spec: §20 item 6, §9, §8.1; §21.7.
// GOMAXPROCS=1; a goroutine runs `for { x++ }` (no calls, so no cooperative preemption point); main then
// calls time.Sleep(1ms) five times and prints how long each sleep really took. main's timer is due after
// 1 ms but the only P is busy: sysmon must notice the same schedtick for 10 ms (forcePreemptNS), send
// SIGURG, the spinner goes to the global queue and the scheduler runs the timer → main wakes ≈10–20 ms
// late. MEASURE slept_first_ms = the first sleep, slept_ms = every sleep.
// Variant asyncpreemptoff: GODEBUG=asyncpreemptoff=1 removes the signal, the spinner is never stopped and
// main never wakes → the process hangs (expect timeout; nothing is printed).
//
// conformance: variant=gomaxprocs1 GOMAXPROCS=1 runs=7 timeout=5s expect=0
// conformance: variant=gomaxprocs1_schedtrace GOMAXPROCS=1 GODEBUG=schedtrace=1000 runs=5 timeout=5s expect=0
// conformance: variant=asyncpreemptoff GOMAXPROCS=1 GODEBUG=asyncpreemptoff=1 runs=5 timeout=2s expect=timeout
package main

import (
	"fmt"
	"time"
)

var x uint64

func spin() {
	for {
		x++
	}
}

func main() {
	go spin()
	for i := 0; i < 5; i++ {
		t := time.Now()
		time.Sleep(time.Millisecond)
		d := float64(time.Since(t).Microseconds()) / 1e3
		if i == 0 {
			fmt.Printf("MEASURE slept_first_ms=%.3f ms\n", d)
		}
		fmt.Printf("MEASURE slept_ms=%.3f ms\n", d)
	}
	fmt.Println("main woke up 5 times")
}
