// syscall.Kill to the process itself with signals Go's runtime ignores by default
// (SIGCHLD, SIGURG, SIGWINCH: _SigIgn in runtime/sigtab_linux_generic.go) and signal 0.
package main

import (
	"fmt"
	"syscall"
)

func main() {
	pid := syscall.Getpid()
	for _, s := range []syscall.Signal{syscall.SIGCHLD, syscall.SIGURG, syscall.SIGWINCH, 0} {
		err := syscall.Kill(pid, s)
		fmt.Println(int(s), err)
	}
	println("survived")
}
