// Behaviour: local run-queue overflow (runqputslow moves half the queue + the kicked G to the global queue)
// and the schedtick%61 fairness poll of the global queue.
// Spec: §20 item 2, §21.3 (the hidden G at the head of P0's queue is the finalizer goroutine, created by
// package os's init when it calls SetFinalizer — any program importing fmt/os has it).
// GOMAXPROCS=1; main starts goroutines 0..299 and blocks in wg.Wait; each goroutine appends its index to a
// slice under a mutex (no syscall while the order is decided); main prints the order once, compressed into
// runs ("a…b").
// Look for: `ORDER 299, 127…243, 0, 244…254, 256…298, 1…126, 255` (the position of 0 moves by one in a
// minority of runs: `127…242, 0, 243…254`, see the reference). MEASURE pos_of_0 is 0's index in the order.
//
// conformance: variant=gomaxprocs1 GOMAXPROCS=1 runs=25 timeout=5s expect=0
package main

import (
	"fmt"
	"strings"
	"sync"
)

func compress(xs []int) string {
	var parts []string
	for i := 0; i < len(xs); {
		j := i
		for j+1 < len(xs) && xs[j+1] == xs[j]+1 {
			j++
		}
		if i == j {
			parts = append(parts, fmt.Sprint(xs[i]))
		} else {
			parts = append(parts, fmt.Sprintf("%d…%d", xs[i], xs[j]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

func main() {
	const n = 300
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
	fmt.Println("ORDER " + compress(order))
	for p, v := range order {
		if v == 0 {
			fmt.Printf("MEASURE pos_of_0=%d index\n", p)
		}
	}
}
