// variant: p1 GOMAXPROCS=1
package main

import "time"

// A goroutine started by the standard library (time.AfterFunc → time.goFunc) panics: its
// `created by` line names the toolchain's own source file and line.
func main() {
	time.AfterFunc(time.Millisecond, func() { panic("in AfterFunc") })
	time.Sleep(100 * time.Millisecond)
}
