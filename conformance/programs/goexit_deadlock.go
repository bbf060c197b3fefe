// Behaviour: main calls runtime.Goexit with no other user goroutine alive.
// Spec: §13 step 5, §18.
// Goexit runs main's deferred calls, then main's G exits; runtime.main never returns, so the process would
// idle forever, but checkdead sees zero user goroutines (the runtime's own, incl. the finalizer goroutine,
// are system goroutines) → `fatal error: no goroutines (main called runtime.Goexit) - deadlock!`, exit 2.
// Look for: stdout `deferred call ran`, stderr exactly the fatal line, exit 2.
//
// conformance: variant=default runs=5 timeout=5s expect=2
// conformance: variant=gomaxprocs1 GOMAXPROCS=1 runs=5 timeout=5s expect=2
package main

import (
	"fmt"
	"runtime"
)

func main() {
	defer fmt.Println("deferred call ran")
	runtime.Goexit()
}
