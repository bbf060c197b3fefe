// Behaviour: the 300-goroutine order WITHOUT the hidden finalizer goroutine.
// Spec: §20 item 2, §21.3. This program imports neither fmt nor os (only sync and time), so no package init
// calls SetFinalizer and the finalizer goroutine does not exist: P0's local queue is empty when main.main
// starts. The queue now overflows at the 258th spawn (256 slots + runnext), goroutine 0 and 1 are picked by
// two fairness polls and the final global batch is 2…127, 256.
// Goroutines print with the builtin println (stderr, raw write without entersyscall); main waits with
// time.Sleep. Look for stderr `299, 128…184, 0, 185…244, 1, 245…255, 257…298, 2…127, 256` (one number per
// line; 183/184 varies slightly between runs).
//
// conformance: variant=gomaxprocs1 GOMAXPROCS=1 runs=15 timeout=5s expect=0
package main

import "time"

func main() {
	for i := 0; i < 300; i++ {
		go func(i int) {
			println(i)
		}(i)
	}
	time.Sleep(100 * time.Millisecond)
}
