// make's length, capacity and size-hint arguments are each evaluated exactly once (spec, "Making
// slices, maps and channels"): make([]T, f()) once called f twice (once for the capacity), and
// make(map[K]V, f()) never called f. The net_echo_disk conformance program's byte generator
// (make([]byte, 4096+int(next()%N))) drew one extra number per buffer and then asked for a huge one.
package main

import "fmt"

var calls int

func f() int { calls++; return 10 }

func main() {
	b := make([]byte, f())
	fmt.Println(len(b), cap(b), calls)
	c := make([]int, f(), 2*f())
	fmt.Println(len(c), cap(c), calls)
	d := make([]byte, 4096+f())
	fmt.Println(len(d), calls)
	m := make(map[int]int, f())
	fmt.Println(len(m), calls)
	n := -1
	m2 := make(map[string]bool, n)
	fmt.Println(len(m2))
	ch := make(chan int, f())
	fmt.Println(cap(ch), calls)
	e := make([]string, f())
	fmt.Println(len(e), cap(e), calls)
	seed := uint32(777)
	next := func() uint32 { seed = seed*1664525 + 1013904223; return seed }
	for i := 0; i < 3; i++ {
		buf := make([]byte, 4096+int(next()%(60*1024)))
		for j := range buf {
			buf[j] = byte(next() >> 24)
		}
		fmt.Println(len(buf), buf[0], buf[len(buf)-1], seed)
	}
}
