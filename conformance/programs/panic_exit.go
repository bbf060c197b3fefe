// Behaviour: unrecovered panics: output shape and exit status.
// Spec: §18.
// PANIC_WHERE=main: panic("boom in main") after a deferred print (the deferred call runs first, then
// `panic: boom in main`, a blank line, `goroutine 1 [running]:`, main.main() frames), exit 2.
// PANIC_WHERE=goroutine: a second goroutine panics while main waits on a channel; main's defer does NOT
// run; the trace shows that goroutine `[running]` and `created by main.main`.
// PANIC_WHERE=nilmap: a runtime error (assignment to entry in nil map): `panic: assignment to entry in nil map`.
// PANIC_WHERE=error: panic(err) with an error value: printed through its Error method.
// Look for: exact normalised stderr per variant, exit 2.
//
// conformance: variant=main PANIC_WHERE=main runs=5 timeout=5s expect=2
// conformance: variant=goroutine PANIC_WHERE=goroutine runs=5 timeout=5s expect=2
// conformance: variant=nilmap PANIC_WHERE=nilmap runs=5 timeout=5s expect=2
// conformance: variant=error PANIC_WHERE=error runs=5 timeout=5s expect=2
package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("main's deferred call ran")
	switch os.Getenv("PANIC_WHERE") {
	case "main":
		panic("boom in main")
	case "goroutine":
		block := make(chan struct{})
		go func() {
			panic(fmt.Sprintf("boom in goroutine %d", 7))
		}()
		<-block
	case "nilmap":
		var m map[string]int
		m["x"] = 1
	case "error":
		panic(fmt.Errorf("wrapped: %w", os.ErrNotExist))
	default:
		fmt.Println("set PANIC_WHERE")
		os.Exit(1)
	}
}
