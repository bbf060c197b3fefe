// vs-go: 10k goroutines each in a 1 ms syscall.Nanosleep, a blocking syscall that holds its thread
// (GOMAXPROCS=8): entersyscall, sysmon's retake and handoffp, exitsyscall.
package main

import (
	"fmt"
	"sync"
	"syscall"
)

func main() {
	const n = 10000
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ts := syscall.NsecToTimespec(1000000)
			syscall.Nanosleep(&ts, nil)
		}()
	}
	wg.Wait()
	fmt.Println("done", n)
}
