// Behaviour: the cost of a go statement whose G is new against one that reuses a dead G.
// Spec §3 (newproc: gfget, else malg + allgadd), §19.
// A go statement that finds no dead G on the P's or the scheduler's free list (gfget) calls malg: a new g
// and a stack of startingStackSize (2 KiB) — memory the process never held, whose pages fault when
// malg and newproc1 first write both ends of the stack — and allgadd. A dead G keeps its stack (gfput),
// so a go statement that reuses one does none of that. main makes N go statements in a row at
// GOMAXPROCS=1 (the new goroutines block on a channel and do not run during the loop), lets them all
// exit, then makes N again: MEASURE fresh_ns = the first loop's time per go statement (every G new),
// reused_ns = the second's (every G from the free list).
//
// conformance: variant=n1000_p1 N=1000 GOMAXPROCS=1 runs=5 timeout=10s expect=0
// conformance: variant=n100_p1 N=100 GOMAXPROCS=1 runs=5 timeout=10s expect=0
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
	"time"
)

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return v
	}
	return def
}

func main() {
	n := envInt("N", 1000)
	var wg sync.WaitGroup
	spawn := func() float64 {
		block := make(chan struct{})
		wg.Add(n)
		t := time.Now()
		for i := 0; i < n; i++ {
			go func() {
				<-block
				wg.Done()
			}()
		}
		d := float64(time.Since(t).Nanoseconds()) / float64(n)
		close(block)
		wg.Wait()
		return d
	}
	fresh := spawn()
	reused := spawn()
	fmt.Printf("MEASURE fresh_ns=%.1f ns\n", fresh)
	fmt.Printf("MEASURE reused_ns=%.1f ns\n", reused)
	fmt.Println("done")
}
