// runtime.Version is the toolchain's (go1.19.8 / go1.26.8), runtime.MemProfileRate a variable the
// program may set (test/chan/select2.go).
package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Println(runtime.Version(), runtime.MemProfileRate)
	runtime.MemProfileRate = 0
	fmt.Println(runtime.MemProfileRate)
}
