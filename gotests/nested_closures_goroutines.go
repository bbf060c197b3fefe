// gmpsim: GOMAXPROCS=1
package main

import (
	"fmt"
	"sync"
)

func main() {
	results := make([]int, 5)
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			sq := func(x int) int { return x * x }
			results[i] = sq(i) + func() int { return i }()
		}(i)
	}
	wg.Wait()
	fmt.Println(results)
	ch := make(chan func() string, 2)
	ch <- func() string { return "first" }
	ch <- func() string { return "second" }
	close(ch)
	for f := range ch {
		fmt.Println(f())
	}
}
