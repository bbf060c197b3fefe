package main

// syscall.Signal is an os.Signal (String and Signal methods): syscall.SIGINT and SIGTERM pass to
// signal.Notify and print their names; os.Interrupt is syscall.SIGINT, os.Kill syscall.SIGKILL;
// signal.Stop, Ignore, Reset and Ignored exist.

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGINT, syscall.SIGTERM, os.Interrupt)
	var sig os.Signal = syscall.SIGTERM
	fmt.Println(sig, syscall.SIGINT, os.Interrupt, os.Kill, syscall.Signal(31), syscall.Signal(40))
	fmt.Println(syscall.SIGINT == os.Interrupt, os.Kill == syscall.SIGKILL, sig == syscall.SIGTERM)
	fmt.Printf("%v %d %T %T\n", syscall.SIGHUP, syscall.SIGHUP, sig, os.Interrupt)
	signal.Stop(c)
	signal.Ignore(syscall.SIGHUP)
	signal.Reset()
	fmt.Println(signal.Ignored(syscall.SIGWINCH) || true)
}
