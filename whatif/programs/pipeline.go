// Shape: a pipeline of channels: a source, three transform stages (2 goroutines each, unbuffered
// channels) doing a little CPU per item, and a sink; 8000 items.
package main

import (
	"fmt"
	"sync"
)

func stage(in <-chan int, work int) <-chan int {
	out := make(chan int)
	var wg sync.WaitGroup
	for k := 0; k < 2; k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for v := range in {
				x := v
				for i := 0; i < work; i++ {
					x = x*31 + i
				}
				out <- x & 0xffff
			}
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func main() {
	src := make(chan int)
	go func() {
		for i := 0; i < 8000; i++ {
			src <- i
		}
		close(src)
	}()
	out := stage(stage(stage(src, 200), 400), 200)
	sum := 0
	for v := range out {
		sum += v
	}
	fmt.Println("sum", sum)
}
