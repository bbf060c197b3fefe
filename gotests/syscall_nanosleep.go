// gmpsim: GOMAXPROCS=2
package main

import (
	"fmt"
	"sync"
	"syscall"
	"time"
)

func main() {
	var wg sync.WaitGroup
	start := time.Now()
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ts := syscall.NsecToTimespec(int64(20 * time.Millisecond))
			syscall.Nanosleep(&ts, nil)
		}()
	}
	wg.Wait()
	el := time.Since(start)
	fmt.Println(el >= 20*time.Millisecond, el < 40*time.Millisecond)
}
