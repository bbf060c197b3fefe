// gmpsim: GOMAXPROCS=4
package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	fmt.Println(runtime.GOMAXPROCS(0))
	prev := runtime.GOMAXPROCS(2)
	fmt.Println(prev, runtime.GOMAXPROCS(0))
	fmt.Println(runtime.NumGoroutine())
	for i := 0; i < 3; i++ {
		go func() { time.Sleep(time.Second) }()
	}
	runtime.Gosched()
	fmt.Println(runtime.NumGoroutine())
	runtime.GC()
	runtime.LockOSThread()
	runtime.UnlockOSThread()
	fmt.Println(runtime.NumCPU() > 0)
}
