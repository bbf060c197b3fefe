// Behaviour: goroutines blocked on network reads park in the netpoller and do not hold threads.
// Spec: §10, §20 items 20–21, §14.
// GOMAXPROCS=2; a loopback TCP listener accepts 100 connections; 100 client goroutines each Read one byte
// and block (the fd is non-blocking, the G parks with waitreason "IO wait"). After 200 ms the server writes
// one byte to every connection; netpoll readies the readers.
// MEASURE threads_start, threads_blocked (after 100 ms of waiting), threads_after, os_threads_* and
// wait_ms (time from the server's first write to the last reader's return).
// Look for: threads_* stay at the start-up level (≈4) — no thread growth for 100 blocked reads.
//
// conformance: variant=gomaxprocs2 GOMAXPROCS=2 runs=5 timeout=10s expect=0
// conformance: variant=gomaxprocs2_schedtrace GOMAXPROCS=2 GODEBUG=schedtrace=50 runs=5 timeout=10s expect=0
package main

import (
	"fmt"
	"net"
	"os"
	"runtime/pprof"
	"sync"
	"time"
)

func threads() (ms, osThreads int) {
	ents, _ := os.ReadDir("/proc/self/task")
	return pprof.Lookup("threadcreate").Count(), len(ents)
}

func main() {
	const n = 100
	m, o := threads()
	fmt.Printf("MEASURE threads_start=%d threads\nMEASURE os_threads_start=%d threads\n", m, o)

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
	var got [n]byte
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
			defer c.Close()
			ready.Done()
			buf := make([]byte, 1)
			if _, err := c.Read(buf); err != nil {
				fmt.Println("read:", err)
				os.Exit(1)
			}
			got[i] = buf[0]
		}(i)
	}
	ready.Wait()
	conns := make([]net.Conn, 0, n)
	for i := 0; i < n; i++ {
		conns = append(conns, <-accepted)
	}
	time.Sleep(100 * time.Millisecond)
	m, o = threads()
	fmt.Printf("MEASURE threads_blocked=%d threads\nMEASURE os_threads_blocked=%d threads\n", m, o)
	time.Sleep(100 * time.Millisecond)

	t := time.Now()
	for _, c := range conns {
		c.Write([]byte{'x'})
	}
	done.Wait()
	fmt.Printf("MEASURE wait_ms=%.3f ms\n", float64(time.Since(t).Microseconds())/1e3)
	for _, c := range conns {
		c.Close()
	}
	m, o = threads()
	fmt.Printf("MEASURE threads_after=%d threads\nMEASURE os_threads_after=%d threads\n", m, o)
	ok := 0
	for _, b := range got {
		if b == 'x' {
			ok++
		}
	}
	fmt.Printf("%d readers got their byte\n", ok)
}
