// variant: p1 GOMAXPROCS=1
// variant: p1-trace GOMAXPROCS=1 GODEBUG=schedtrace=1000
package main

import "fmt"

// A deadlock's goroutine dump (fatal error: only user goroutines); with schedtrace on, the crash
// path's scheddetail dump comes first (the dying M's line).
func main() {
	fmt.Println("hi")
	c := make(chan int)
	go func() { <-c }()
	<-c
}
