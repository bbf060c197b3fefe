// variant: trace GOMAXPROCS=2 GODEBUG=schedtrace=100
// variant: detail GOMAXPROCS=2 GODEBUG=schedtrace=100,scheddetail=1
package main

import "time"

func main() {
	c := make(chan int)
	go func() { <-c }()
	time.Sleep(150 * time.Millisecond)
}
