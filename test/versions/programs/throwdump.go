// variant: p1 GOMAXPROCS=1
package main

import (
	"runtime/debug"
	"syscall"
)

// A runtime throw (thread exhaustion): its runtime stack and a dump of every goroutine, the
// runtime's own included, with the release's header form and frames.
func main() {
	debug.SetMaxThreads(5)
	for i := 0; i < 10; i++ {
		go func() {
			var ts syscall.Timespec
			ts.Sec = 1
			syscall.Nanosleep(&ts, nil)
		}()
	}
	var ts syscall.Timespec
	ts.Sec = 2
	syscall.Nanosleep(&ts, nil)
}
