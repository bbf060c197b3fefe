// Shape: many blocking system calls, no cgo: 16 goroutines each make 40 raw nanosleep(200µs) calls
// (syscall.Nanosleep: a thread held in the kernel; sysmon retakes the P, new threads start) with a
// little CPU between them.
package main

import (
	"fmt"
	"sync"
	"syscall"
)

func main() {
	var wg sync.WaitGroup
	for w := 0; w < 16; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			ts := syscall.Timespec{Nsec: 200000}
			x := w
			for i := 0; i < 40; i++ {
				syscall.Nanosleep(&ts, nil)
				for j := 0; j < 5000; j++ {
					x = x*7 + j
				}
			}
			_ = x
		}(w)
	}
	wg.Wait()
	fmt.Println("done")
}
