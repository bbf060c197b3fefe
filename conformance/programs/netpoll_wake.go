// Behaviour: how fast the netpoller wakes N goroutines blocked reading loopback TCP when their data arrives
// together, and how the wake-ups are spread.
// Spec: §10 (netpoll: at most 128 ready Gs per epoll_wait, injectglist, findRunnable's non-blocking poll
// before stealing, the blocked poller), §7.1 (each write/read is a syscall).
// A loopback listener accepts N connections; N reader goroutines each Dial, then Read one byte and park in
// netpoll ("IO wait"). After 50 ms main writes one byte to every accepted connection in one loop; each
// reader stamps the time its Read returned. MEASURE write_ms = main's write loop; wake_ms = first write →
// last reader returned (the phase); first_us = first write → first reader returned; gap_us = median gap
// between consecutive reader returns (sorted); threads_after = pprof threadcreate after the phase.
//
// conformance: variant=n1_p1 N=1 GOMAXPROCS=1 runs=5 timeout=20s expect=0
// conformance: variant=n10_p1 N=10 GOMAXPROCS=1 runs=5 timeout=20s expect=0
// conformance: variant=n100_p1 N=100 GOMAXPROCS=1 runs=5 timeout=20s expect=0
// conformance: variant=n1000_p1 N=1000 GOMAXPROCS=1 runs=5 timeout=20s expect=0
// conformance: variant=n100_p2 N=100 GOMAXPROCS=2 runs=5 timeout=20s expect=0
// conformance: variant=n1000_p2 N=1000 GOMAXPROCS=2 runs=5 timeout=20s expect=0
// conformance: variant=n1000_p4 N=1000 GOMAXPROCS=4 runs=5 timeout=20s expect=0
// conformance: variant=n1000_p1_st N=1000 GOMAXPROCS=1 GODEBUG=schedtrace=10 runs=5 timeout=20s expect=0
package main

import (
	"fmt"
	"net"
	"os"
	"runtime/pprof"
	"sort"
	"strconv"
	"sync"
	"time"
)

var base = time.Now()

func now() int64 { return int64(time.Since(base)) }

func main() {
	n, err := strconv.Atoi(os.Getenv("N"))
	if err != nil {
		n = 100
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("listen:", err)
		os.Exit(1)
	}
	defer ln.Close()
	accepted := make(chan net.Conn, n)
	go func() {
		for i := 0; i < n; i++ {
			c, err := ln.Accept()
			if err != nil {
				fmt.Println("accept:", err)
				os.Exit(1)
			}
			accepted <- c
		}
	}()

	var ready, done sync.WaitGroup
	back := make([]int64, n)
	ready.Add(n)
	done.Add(n)
	for i := 0; i < n; i++ {
		go func(i int) {
			defer done.Done()
			c, err := net.Dial("tcp", ln.Addr().String())
			if err != nil {
				fmt.Println("dial:", err)
				os.Exit(1)
			}
			ready.Done()
			buf := make([]byte, 1)
			if _, err := c.Read(buf); err != nil {
				fmt.Println("read:", err)
				os.Exit(1)
			}
			back[i] = now()
		}(i)
	}
	ready.Wait()
	conns := make([]net.Conn, 0, n)
	for i := 0; i < n; i++ {
		conns = append(conns, <-accepted)
	}
	time.Sleep(50 * time.Millisecond)

	t0 := now()
	for _, c := range conns {
		c.Write([]byte{'x'})
	}
	t1 := now()
	done.Wait()
	sort.Slice(back, func(a, b int) bool { return back[a] < back[b] })
	fmt.Printf("MEASURE write_ms=%.3f ms\n", float64(t1-t0)/1e6)
	fmt.Printf("MEASURE wake_ms=%.3f ms\n", float64(back[n-1]-t0)/1e6)
	fmt.Printf("MEASURE first_us=%.1f us\n", float64(back[0]-t0)/1e3)
	if n > 1 {
		gaps := make([]float64, n-1)
		for i := 1; i < n; i++ {
			gaps[i-1] = float64(back[i]-back[i-1]) / 1e3
		}
		sort.Float64s(gaps)
		fmt.Printf("MEASURE gap_us=%.2f us\n", gaps[len(gaps)/2])
	}
	fmt.Printf("MEASURE threads_after=%d threads\n", pprof.Lookup("threadcreate").Count())
	for _, c := range conns {
		c.Close()
	}
	fmt.Println("done")
}
