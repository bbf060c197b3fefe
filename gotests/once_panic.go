package main

// sync.Once.Do whose function panics: the panic passes through Do, which counts f as done and
// releases its mutex on the way (once.go's deferred Unlock and done.Store(1)), so a later Do
// neither calls f again nor blocks.

import (
	"fmt"
	"sync"
)

func main() {
	var once sync.Once
	for i := 0; i < 3; i++ {
		func() {
			defer func() { fmt.Println("recovered:", recover()) }()
			once.Do(func() {
				fmt.Println("running", i)
				panic(fmt.Sprintf("boom %d", i))
			})
			fmt.Println("Do returned", i)
		}()
	}
	var wg sync.WaitGroup
	var o2 sync.Once
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			o2.Do(func() { fmt.Println("o2 once") })
		}()
	}
	wg.Wait()
	fmt.Println("done")
}
