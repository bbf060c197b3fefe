package main

import (
	"fmt"
	"time"
)

func gen(name string, n int, d time.Duration) <-chan string {
	c := make(chan string)
	go func() {
		for i := 0; i < n; i++ {
			time.Sleep(d)
			c <- fmt.Sprintf("%s%d", name, i)
		}
		close(c)
	}()
	return c
}

func main() {
	a := gen("a", 3, 20*time.Millisecond)
	b := gen("b", 2, 50*time.Millisecond)
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			fmt.Println(v)
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			fmt.Println(v)
		}
	}
	fmt.Println("done")
}
