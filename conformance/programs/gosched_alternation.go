// Behaviour: runtime.Gosched round-robin through the global run queue.
// Spec: §20 item 17, §9 (goschedImpl → globrunqput), §4.2 (global batch when the local queue is empty).
// GOMAXPROCS=1; main starts A then B (B lands in runnext, A in the local queue) and waits. Each goroutine
// does 6 × { record its name+step; runtime.Gosched() }. Every yield puts the yielder at the global tail;
// when the local queue is empty a global batch refills it, so the two strictly alternate.
// Look for: `ORDER B0 A0 B1 A1 B2 A2 B3 A3 B4 A4 B5 A5` (B first because of runnext).
//
// conformance: variant=gomaxprocs1 GOMAXPROCS=1 runs=7 timeout=5s expect=0
package main

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
)

func main() {
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		order []string
	)
	worker := func(name string) {
		defer wg.Done()
		for i := 0; i < 6; i++ {
			mu.Lock()
			order = append(order, fmt.Sprintf("%s%d", name, i))
			mu.Unlock()
			runtime.Gosched()
		}
	}
	wg.Add(2)
	go worker("A")
	go worker("B")
	wg.Wait()
	fmt.Println("ORDER " + strings.Join(order, " "))
}
