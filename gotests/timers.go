// gmpsim: GOMAXPROCS=1
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	t := time.NewTimer(20 * time.Millisecond)
	<-t.C
	fmt.Println("timer fired")
	t2 := time.NewTimer(time.Hour)
	fmt.Println("stopped:", t2.Stop())
	var wg sync.WaitGroup
	wg.Add(1)
	time.AfterFunc(5*time.Millisecond, func() {
		fmt.Println("afterfunc")
		wg.Done()
	})
	wg.Wait()
	tick := time.NewTicker(10 * time.Millisecond)
	n := 0
	for range tick.C {
		n++
		if n == 3 {
			tick.Stop()
			break
		}
	}
	fmt.Println("ticks", n)
	c := time.Tick(time.Millisecond)
	<-c
	<-c
	fmt.Println("tick done")
	select {
	case <-time.After(3 * time.Millisecond):
		fmt.Println("after")
	}
}
