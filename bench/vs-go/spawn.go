// vs-go: 1M goroutines spawned and exiting (GOMAXPROCS=8). Each goroutine only calls wg.Done.
package main

import (
	"fmt"
	"sync"
)

func main() {
	const n = 1000000
	var wg sync.WaitGroup
	wg.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println("done", n)
}
