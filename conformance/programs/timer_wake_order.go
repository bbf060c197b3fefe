// Behaviour: the order in which goroutines wake from many timers with interleaved and nearly equal deadlines.
// Spec: §11 (timers: the P's heap, checkTimers/runtimer, the M that polls), §3 (ready puts the woken G in
// runnext), §20 item 12.
// main starts N=12 goroutines; goroutine i waits until start + BASE_MS + (i%4)·GAP_MS, i.e. four groups of
// three whose deadlines differ only by the µs between their timers' creation. It waits with
// time.Sleep (i%3 == 0), `<-time.After` (i%3 == 1, a channel timer: since go1.23 it is in a heap only while
// a goroutine is blocked on its channel) or time.AfterFunc (i%3 == 2, the callback runs on a new goroutine
// and wakes i through a channel). Each goroutine appends i under a mutex when it runs again (for AfterFunc:
// the callback appends), main waits in wg.Wait and prints `ORDER …`. Within a group the order shows how
// one batch of expired timers is run (heap order = creation order, then each woken G takes runnext and
// pushes the previous one to the queue's tail); across releases it shows the timer rework of go1.23.
// MEASURE late_ms: how late the last goroutine woke, after its deadline. MEASURE group_inversions: pairs of
// goroutines that woke in the opposite order of their deadline groups (2 ms apart: 0 unless a timer ran
// ≥ 2 ms late). On a busy machine the order inside a group differs from run to run (the stdout check is then
// not comparable); the groups' order is the part that holds.
//
// conformance: variant=p1 GOMAXPROCS=1 BASE_MS=20 GAP_MS=2 runs=9 timeout=5s expect=0
// conformance: variant=p2 GOMAXPROCS=2 BASE_MS=20 GAP_MS=2 runs=9 timeout=5s expect=0
package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

func envInt(k string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(k)); err == nil {
		return v
	}
	return def
}

func main() {
	const n = 12
	base := time.Duration(envInt("BASE_MS", 20)) * time.Millisecond
	gap := time.Duration(envInt("GAP_MS", 2)) * time.Millisecond
	var mu sync.Mutex
	var order []int
	record := func(i int) {
		mu.Lock()
		order = append(order, i)
		mu.Unlock()
	}
	start := time.Now()
	var wg sync.WaitGroup
	wg.Add(n)
	for i := 0; i < n; i++ {
		go func(i int) {
			defer wg.Done()
			d := base + time.Duration(i%4)*gap - time.Since(start)
			switch i % 3 {
			case 0:
				time.Sleep(d)
				record(i)
			case 1:
				<-time.After(d)
				record(i)
			case 2:
				done := make(chan struct{})
				time.AfterFunc(d, func() {
					record(i)
					close(done)
				})
				<-done
			}
		}(i)
	}
	wg.Wait()
	last := time.Since(start) - (base + 3*gap)
	s := make([]string, len(order))
	for k, i := range order {
		s[k] = strconv.Itoa(i)
	}
	inversions := 0
	for x := 0; x < len(order); x++ {
		for y := x + 1; y < len(order); y++ {
			if order[x]%4 > order[y]%4 {
				inversions++
			}
		}
	}
	fmt.Println("ORDER " + strings.Join(s, " "))
	fmt.Printf("MEASURE group_inversions=%d\n", inversions)
	fmt.Printf("MEASURE late_ms=%.2f ms\n", float64(last.Microseconds())/1e3)
}
