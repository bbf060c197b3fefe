// Behaviour: whether a timer nobody waits for keeps a blocked program from being reported as deadlocked.
// Spec: §11 (timers), §13 step 7 (checkdead returns while any P has a timer in its heap), §20 item 4.
// main makes a timer, then blocks forever receiving from an unbuffered channel nobody sends on
// (runtime.KeepAlive keeps the timer referenced after the receive). go1.19 puts every timer in a P's heap
// at once, so checkdead never reports and the process hangs (killed at the timeout). Since go1.23 (time.go;
// with a `go 1.23`+ module) a channel timer — time.NewTimer, time.NewTicker, time.After — is in a heap only
// while a goroutine is blocked on its channel: nobody is, so checkdead sees no timer and reports
// `all goroutines are asleep - deadlock!` (exit 2). TIMER_KIND:
//   newtimer: t := time.NewTimer(time.Hour), referenced;  ticker: time.NewTicker(time.Hour), referenced;
//   after: time.After(time.Hour), result dropped;  stopped: a NewTimer(time.Hour) stopped at once;
//   afterfunc: time.AfterFunc(time.Hour, f) — a func timer, in the heap on every release (hangs);
//   waiter: another goroutine blocks on `<-time.After(time.Hour)` — its channel has a waiter (hangs).
// Look for: exit 2 vs timeout per release; the deadlock text names goroutine 1 [chan receive].
//
// conformance: variant=newtimer TIMER_KIND=newtimer runs=5 timeout=2s
// conformance: variant=ticker TIMER_KIND=ticker runs=5 timeout=2s
// conformance: variant=after TIMER_KIND=after runs=5 timeout=2s
// conformance: variant=stopped TIMER_KIND=stopped runs=5 timeout=2s
// conformance: variant=afterfunc TIMER_KIND=afterfunc runs=5 timeout=2s
// conformance: variant=waiter TIMER_KIND=waiter runs=5 timeout=2s
package main

import (
	"fmt"
	"os"
	"runtime"
	"time"
)

func main() {
	var keep interface{}
	switch os.Getenv("TIMER_KIND") {
	case "newtimer":
		keep = time.NewTimer(time.Hour)
	case "ticker":
		keep = time.NewTicker(time.Hour)
	case "after":
		time.After(time.Hour)
	case "stopped":
		t := time.NewTimer(time.Hour)
		t.Stop()
		keep = t
	case "afterfunc":
		keep = time.AfterFunc(time.Hour, func() {})
	case "waiter":
		go func() { <-time.After(time.Hour) }()
	default:
		fmt.Println("set TIMER_KIND")
		os.Exit(1)
	}
	fmt.Println("blocking")
	ch := make(chan int)
	<-ch
	runtime.KeepAlive(keep)
}
