// variant: p1 GOMAXPROCS=1
// variant: p1-noupdate GOMAXPROCS=1 GODEBUG=updatemaxprocs=0
package main

import (
	"fmt"
	"os"
	"runtime"
	"strings"
)

// What runtime.main leaves behind when main.main starts: the goroutine count, the threads, and
// the id the first user goroutine gets (its panic header names it).
func main() {
	fmt.Println("NumGoroutine", runtime.NumGoroutine())
	b, _ := os.ReadFile("/proc/self/status")
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "Threads:") {
			fmt.Println(l)
		}
	}
	done := make(chan bool)
	go func() {
		panic("first user goroutine")
	}()
	<-done
}
