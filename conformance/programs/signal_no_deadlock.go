// Behaviour: a goroutine held in a blocking syscall suppresses the deadlock report forever.
// Spec: §20 item 5, §13 step 2.
// signal.Notify starts the signal_recv loop, whose M sits in entersyscallblock (sigNote sleep); main then
// blocks in select{}. checkdead sees a running M and never reports: the process hangs.
// Look for: timeout, nothing on stderr.
//
// conformance: variant=default runs=5 timeout=1500ms expect=timeout
package main

import (
	"os"
	"os/signal"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	select {}
}
