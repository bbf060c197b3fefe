// variant: p1 GOMAXPROCS=1
package main

import "fmt"

// A deadlock's goroutine dump (fatal error: only user goroutines).
func main() {
	fmt.Println("hi")
	c := make(chan int)
	go func() { <-c }()
	<-c
}
