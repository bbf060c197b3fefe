// gmpsim: GOMAXPROCS=1
// A long sort is preemptible: at GOMAXPROCS=1 main sorts 400,000 ints (≈30 ms of CPU) while another
// goroutine waits for a 1 ms timer; sysmon preempts the sort and the waiter prints first.
package main

import (
	"fmt"
	"sort"
	"time"
)

func main() {
	a := make([]int, 400000)
	x := uint32(3)
	for i := range a {
		x = x*1664525 + 1013904223
		a[i] = int(x >> 3)
	}
	done := make(chan bool)
	go func() {
		time.Sleep(time.Millisecond)
		fmt.Println("timer fired during the sort")
		done <- true
	}()
	time.Sleep(100 * time.Microsecond) // let the goroutine start its sleep
	sort.Ints(a)
	fmt.Println("sorted", sort.IntsAreSorted(a))
	<-done
}
