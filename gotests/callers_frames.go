// runtime.Callers / CallersFrames / FuncForPC: the program's frames with their lines, in a plain
// call and in a deferred call that recovered a panic (which runs on top of the panicking frames:
// the panic site's function and line are still on the stack). Whether a frame was inlined
// (Frame.Func nil) is not printed: gmpsim does not model inlining.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

func show(skip int) {
	pcs := make([]uintptr, 32)
	n := runtime.Callers(skip, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	for {
		f, more := frames.Next()
		if strings.HasPrefix(f.Function, "main.") {
			fmt.Println(f.Function, f.Line)
		}
		if !more {
			break
		}
	}
}

func leaf() {
	show(1)
}

func middle() {
	leaf()
}

func crash(p *int) int {
	return *p
}

func guarded() {
	defer func() {
		recover()
		show(0)
	}()
	crash(nil)
}

func main() {
	middle()
	fmt.Println("--")
	guarded()
	fmt.Println("--")
	pc, _, line, ok := runtime.Caller(0)
	fmt.Println(runtime.FuncForPC(pc).Name(), line, ok)
}
