// vs-go: 10k pairs of goroutines ping-ponging 100 times over two unbuffered channels (GOMAXPROCS=8).
package main

import (
	"fmt"
	"sync"
)

func main() {
	const pairs, rounds = 10000, 100
	var wg sync.WaitGroup
	for p := 0; p < pairs; p++ {
		a := make(chan int)
		b := make(chan int)
		wg.Add(2)
		go func() {
			defer wg.Done()
			for i := 0; i < rounds; i++ {
				a <- i
				<-b
			}
		}()
		go func() {
			defer wg.Done()
			for i := 0; i < rounds; i++ {
				v := <-a
				b <- v
			}
		}()
	}
	wg.Wait()
	fmt.Println("done", pairs)
}
