// gmpsim: GOMAXPROCS=1
package main

import (
	"fmt"
	"sync"
)

func main() {
	// Go 1.19: one loop variable shared by all iterations.
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println("i =", i)
		}()
	}
	wg.Wait()
	var fs []func()
	for _, s := range []string{"a", "b"} {
		fs = append(fs, func() { fmt.Println(s) })
	}
	for _, f := range fs {
		f()
	}
}
