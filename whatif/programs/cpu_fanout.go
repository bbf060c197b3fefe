// Shape: a CPU-bound fan-out: 16 goroutines each compute ~8 ms of integer work, joined by a
// WaitGroup; no I/O (preemption, run queues, idle Ps).
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	res := make([]uint64, 16)
	for w := 0; w < 16; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			x := uint64(w + 1)
			for i := 0; i < 6000000; i++ {
				x = x*6364136223846793005 + 1442695040888963407
			}
			res[w] = x
		}(w)
	}
	wg.Wait()
	var t uint64
	for _, r := range res {
		t ^= r
	}
	fmt.Println(t)
}
