// Shape: a timer-driven poller: a 1 ms ticker for 150 ticks; each tick checks 4 "sources" with a
// goroutine each (short CPU), collected with a WaitGroup; a select with a timeout guards each round.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	t := time.NewTicker(time.Millisecond)
	defer t.Stop()
	polls := 0
	for tick := 0; tick < 150; tick++ {
		<-t.C
		var wg sync.WaitGroup
		done := make(chan struct{})
		for s := 0; s < 4; s++ {
			wg.Add(1)
			go func(s int) {
				defer wg.Done()
				x := s
				for i := 0; i < 20000; i++ {
					x = x*13 + i
				}
				_ = x
			}(s)
		}
		go func() { wg.Wait(); close(done) }()
		select {
		case <-done:
			polls++
		case <-time.After(50 * time.Millisecond):
		}
	}
	fmt.Println("polls", polls)
}
