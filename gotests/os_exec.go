// os/exec: a program may build commands (Command's Path and Args, Cmd.String, the fields it sets)
// without running them (running one is another program, outside the simulation: gmpsim stops with
// "unsupported", test/golang/unsupported.test.ts). A name not in $PATH stays the Path, as in Go.
package main

import (
	"bytes"
	"fmt"
	"os/exec"
)

func main() {
	cmd := exec.Command("nosuchcmd-gmpsim", "-v", "a b")
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Dir = "/tmp"
	fmt.Println(cmd.Path, len(cmd.Args), cmd.Args[2], cmd.String(), cmd.Dir)
	fmt.Println(out.Len(), cmd.Stdin == nil, cmd.Env == nil)
}
