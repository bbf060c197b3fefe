// gmpsim: GOMAXPROCS=1
package main

import (
	"fmt"
	"time"
)

func main() {
	out := make(chan int, 2)
	quit := make(chan struct{})
	go func() {
		time.Sleep(30 * time.Millisecond)
		close(quit)
	}()
	sent := 0
	received := []int{}
loop:
	for {
		select {
		case out <- sent:
			sent++
		case v := <-out:
			received = append(received, v)
		case <-quit:
			break loop
		default:
			time.Sleep(10 * time.Millisecond)
		}
		if sent > 100 {
			break
		}
	}
	fmt.Println(sent > 0, len(received) > 0)
	var nilch chan int
	select {
	case v := <-nilch:
		fmt.Println("impossible", v)
	case <-time.After(time.Millisecond):
		fmt.Println("nil channel never ready")
	}
}
