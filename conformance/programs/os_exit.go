// Behaviour: os.Exit ends the process at once with the given status; deferred calls do not run and other
// goroutines are not waited for.
// Spec: §18.
// Look for: stdout `before exit` only (not the deferred line, not the goroutine's line), exit status 3.
//
// conformance: variant=default runs=5 timeout=5s expect=3
package main

import (
	"fmt"
	"os"
	"time"
)

func main() {
	defer fmt.Println("deferred call ran (must not appear)")
	go func() {
		time.Sleep(time.Second)
		fmt.Println("goroutine finished (must not appear)")
	}()
	fmt.Println("before exit")
	os.Exit(3)
}
