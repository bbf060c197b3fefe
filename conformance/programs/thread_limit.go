// Behaviour: the thread limit. debug.SetMaxThreads(20) and 30 goroutines each in a 1 s blocking syscall.
// Spec: §20 item 10, §14, §18; §21.2 for the schedtrace variant.
// Every goroutine in syscall.Nanosleep holds its M; sysmon retakes the P (retake → handoffp → startm →
// newm → mReserveID → checkmcount) and the 21st M trips the limit:
// `runtime: program exceeds 20-thread limit` + `fatal error: thread exhaustion`, a `runtime stack:` with
// sysmon → retake → handoffp → startm → mReserveID, exit status 2.
// Look for: that stderr (normalised), exit 2, wallMs well below 1 s. Variant schedtrace: per §21.2 the crash
// path wants sched.lock again for the scheddetail dump and go1.19 hangs → expect timeout.
//
// conformance: variant=gomaxprocs2 GOMAXPROCS=2 runs=5 timeout=5s expect=2
// conformance: variant=gomaxprocs1 GOMAXPROCS=1 runs=5 timeout=5s expect=2
// conformance: variant=schedtrace GOMAXPROCS=2 GODEBUG=schedtrace=100 runs=5 timeout=4s expect=timeout
package main

import (
	"fmt"
	"runtime/debug"
	"sync"
	"syscall"
	"time"
)

func main() {
	debug.SetMaxThreads(20)
	var wg sync.WaitGroup
	for i := 0; i < 30; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ts := syscall.NsecToTimespec(int64(time.Second))
			syscall.Nanosleep(&ts, nil)
		}()
	}
	wg.Wait()
	fmt.Println("survived: the thread limit was not hit")
}
