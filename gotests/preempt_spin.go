// gmpsim: GOMAXPROCS=1
package main

import (
	"fmt"
	"time"
)

var x int

func main() {
	go func() {
		for {
			x++
		}
	}()
	time.Sleep(50 * time.Millisecond)
	fmt.Println("main woke up despite the spinning goroutine")
}
