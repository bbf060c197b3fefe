// Behaviour: runtime.GOMAXPROCS(1) called from main is not the same as GOMAXPROCS=1 in the environment.
// Spec: §21.6 (procresize after stop-the-world leaves different queue contents), §20 items 1–2.
// main first calls runtime.GOMAXPROCS(1), then runs the overflow_order300 experiment (300 goroutines append
// their index under a mutex, main waits in wg.Wait and prints the order compressed into runs).
// Variant env1: GOMAXPROCS=1 in the environment too, so the call is a no-op → the canonical order
// `299, 127…243, 0, 244…254, 256…298, 1…126, 255`.
// Variant env2: the environment says 2; the call stops the world and resizes → compare the order.
// MEASURE pos_of_0 as in overflow_order300.
//
// conformance: variant=env1 GOMAXPROCS=1 runs=9 timeout=5s expect=0
// conformance: variant=env2 GOMAXPROCS=2 runs=9 timeout=5s expect=0
package main

import (
	"fmt"
	"runtime"
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
	prev := runtime.GOMAXPROCS(1)
	fmt.Printf("GOMAXPROCS was %d\n", prev)
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
