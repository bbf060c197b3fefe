// Behaviour: a pending heap timer suppresses the deadlock report until it fires.
// Spec: §20 item 4, §13 step 7.
// TIMER_KIND=newtimer300: `time.NewTimer(300ms); select{}` → checkdead returns early while the timer is
// in a P's heap; when it fires (nobody receives, the channel is buffered) the heap is empty and the next
// checkdead reports `all goroutines are asleep - deadlock!` → exit 2 at ≈300 ms (see wallMs).
// TIMER_KIND=afterfunc300: `time.AfterFunc(300ms, f); select{}` → f runs at 300 ms on its own goroutine,
// then the deadlock is reported (stdout shows f ran).
// TIMER_KIND=newtimer1h: the timer is an hour away → no report, the process hangs (expect timeout).
// Look for: exit 2 with wallMs ≈ 300 ms (+ process start-up, a few ms) for the first two; timeout for the
// third.
//
// conformance: variant=newtimer300 TIMER_KIND=newtimer300 runs=5 timeout=5s expect=2
// conformance: variant=afterfunc300 TIMER_KIND=afterfunc300 runs=5 timeout=5s expect=2
// conformance: variant=newtimer1h TIMER_KIND=newtimer1h runs=5 timeout=1500ms expect=timeout
package main

import (
	"fmt"
	"os"
	"time"
)

func main() {
	switch os.Getenv("TIMER_KIND") {
	case "newtimer300":
		time.NewTimer(300 * time.Millisecond)
	case "afterfunc300":
		start := time.Now()
		time.AfterFunc(300*time.Millisecond, func() {
			fmt.Printf("afterfunc ran\nMEASURE afterfunc_ms=%.2f ms\n", float64(time.Since(start).Microseconds())/1e3)
		})
	case "newtimer1h":
		time.NewTimer(time.Hour)
	default:
		fmt.Println("set TIMER_KIND")
		os.Exit(1)
	}
	select {}
}
