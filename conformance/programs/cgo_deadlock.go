// Behaviour: deadlock detection never fires in a cgo-linked binary.
// Spec: §21.5, §13 step 2.
// The same program as deadlock_text, but built with CGO_ENABLED=1 and calling one C function, so the
// runtime has an extra M for C callbacks (needm) — checkdead counts it as possibly making progress and
// never reports. Look for: the process hangs (expect timeout), no `fatal error` text.
//
// conformance-build: cgo=1
// conformance: variant=default runs=5 timeout=2s expect=timeout
package main

// #include <unistd.h>
import "C"

import "fmt"

func main() {
	fmt.Println("pid", C.getpid() > 0)
	ch := make(chan int)
	go func() { select {} }()
	<-ch
}
