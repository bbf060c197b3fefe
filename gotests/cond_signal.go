// gmpsim: GOMAXPROCS=1
package main

// sync.Cond.Signal wakes the waiters one at a time in the order they started waiting (the
// notifyList's tickets), and Broadcast wakes the rest; Signal with no waiter is a no-op.

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	cond.Signal() // nobody waits: nothing happens
	turn := 0
	var wg sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			mu.Lock()
			cond.Wait()
			fmt.Println("woken", id, "turn", turn)
			turn++
			mu.Unlock()
		}(i)
		time.Sleep(10 * time.Millisecond) // waiter i is parked before waiter i+1 starts
	}
	for i := 0; i < 3; i++ {
		mu.Lock()
		cond.Signal()
		mu.Unlock()
		time.Sleep(10 * time.Millisecond)
	}
	mu.Lock()
	cond.Broadcast()
	mu.Unlock()
	wg.Wait()
	fmt.Println("done, turns:", turn)
}
