// Behaviour: checkdead's "all goroutines are asleep" report, its exact text and exit status.
// Spec: §20 item 3, §13, §18; §21.2 for the schedtrace variant.
// main blocks on a channel nobody will send on, after starting one goroutine that blocks in select{}.
// When the last M goes idle, checkdead finds no running M, no timers, and user goroutines that are all
// waiting → fatal("all goroutines are asleep - deadlock!"), listing goroutine 1 [chan receive] and the
// other goroutine [select (no cases)]; exit status 2.
// Look for: the normalised stderr text (identical every run), exit 2; with schedtrace on, the scheddetail-
// style P/M/G dump between `fatal error:` and the goroutine traces (§21.2).
//
// conformance: variant=default runs=7 timeout=5s expect=2
// conformance: variant=gomaxprocs1 GOMAXPROCS=1 runs=5 timeout=5s expect=2
// conformance: variant=schedtrace GODEBUG=schedtrace=1000 runs=5 timeout=5s expect=2
package main

func main() {
	ch := make(chan int)
	go func() { select {} }()
	<-ch
}
