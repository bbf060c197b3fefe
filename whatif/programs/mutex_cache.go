// Shape: a mutex-heavy cache: 8 goroutines doing 30000 get-or-compute operations each on a map behind
// one sync.Mutex (contention: sync blocking, handoffs), with a little CPU outside the lock.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	cache := map[int]int{}
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			seed := uint32(w + 1)
			for i := 0; i < 30000; i++ {
				seed = seed*1664525 + 1013904223
				k := int(seed>>16) % 4096
				mu.Lock()
				v, ok := cache[k]
				if !ok {
					v = k * k
					cache[k] = v
				}
				mu.Unlock()
				x := v
				for j := 0; j < 50; j++ {
					x = x*17 + j
				}
				_ = x
			}
		}(w)
	}
	wg.Wait()
	fmt.Println("entries", len(cache))
}
