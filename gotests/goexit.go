package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	go func() {
		defer fmt.Println("deferred before goexit")
		fmt.Println("in goroutine")
		runtime.Goexit()
		fmt.Println("unreachable")
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("main done")
}
