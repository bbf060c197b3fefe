// gmpsim: GOMAXPROCS=1
// Five goroutines taking turns on a sync.Mutex with runtime.Gosched
// inside and outside the lock, and a sender filling a buffered channel that main drains with
// time.Sleep(0) between receives. The interleaving is fixed by runnext (the newest goroutine runs
// first; the channel's direct handoff readies main into the sender's runnext), the local run
// queue's FIFO order, and Gosched's trip to the global queue. (GOMAXPROCS comes from the
// environment: calling runtime.GOMAXPROCS(1) from main races with the start-up's second P, and
// real go1.19 then sometimes runs goroutine 4 first.)
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			for j := 0; j < 3; j++ {
				mu.Lock()
				fmt.Println("g", id, "iter", j)
				runtime.Gosched()
				mu.Unlock()
				runtime.Gosched()
			}
		}(i)
	}
	ch := make(chan int, 2)
	go func() {
		for i := 0; i < 4; i++ {
			ch <- i
			fmt.Println("sent", i)
		}
		close(ch)
	}()
	for v := range ch {
		fmt.Println("recv", v)
		time.Sleep(0)
	}
	wg.Wait()
	fmt.Println("end")
}
