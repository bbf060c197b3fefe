// Behaviour: runnext is LIFO for the newest goroutine, the local run queue is FIFO.
// Spec: §20 item 1 (also §2.1, §3 newproc → runqput(next=true)).
// With GOMAXPROCS=1, main starts goroutines 0..9 and then blocks in wg.Wait. Each `go` puts the new G in
// P0.runnext and kicks the previous occupant to the tail of the local queue, so the last one (9) runs first,
// followed by 0..8 in FIFO order. Look for: stdout `ORDER 9 0 1 2 3 4 5 6 7 8` in every run.
// Goroutines only append to a slice under a mutex (no syscalls while the order is being decided); main
// prints once everyone is done.
//
// conformance: variant=gomaxprocs1 GOMAXPROCS=1 runs=9 timeout=5s expect=0
package main

import (
	"fmt"
	"strings"
	"sync"
)

func main() {
	const n = 10
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		order = make([]int, 0, n)
	)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			mu.Lock()
			order = append(order, i)
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	s := make([]string, len(order))
	for i, v := range order {
		s[i] = fmt.Sprint(v)
	}
	fmt.Println("ORDER " + strings.Join(s, " "))
}
