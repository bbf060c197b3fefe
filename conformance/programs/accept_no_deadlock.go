// Behaviour: a server blocked in Accept is not a deadlock.
// Spec: §20 item 21, §13 step 2, §10.
// main's only goroutine blocks in ln.Accept() on a loopback listener (pure-Go net, CGO_ENABLED=0). The G
// parks in the netpoller, and an M blocks in epoll_wait (netpoll(-1)); that M is not idle, so checkdead
// never reports. Look for: timeout, nothing on stderr.
//
// conformance: variant=default runs=5 timeout=1500ms expect=timeout
package main

import (
	"fmt"
	"net"
	"os"
)

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("listen:", err)
		os.Exit(1)
	}
	c, err := ln.Accept()
	fmt.Println("accepted?", c, err)
}
