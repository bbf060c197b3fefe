// Behaviour: a loopback TCP server whose handlers read files from disk: network waits go through the
// netpoller (no thread held), file reads are blocking syscalls.
// Spec: §10 (netpoll), §7 (syscalls), §20 items 20–21, seed documents.
// The program writes 64 files (4–64 KiB, deterministic) to a temp dir and starts a server on 127.0.0.1:0.
// Each connection handler reads request lines `<file-index>\n`, os.ReadFile's that file and answers
// `<size> <checksum>\n`. 16 client goroutines each send 25 requests over their own connection, one at a time.
// stdout: request count, total bytes, combined checksum (identical every run). MEASURE elapsed_ms,
// threads_start, threads_after, os_threads_after, req_us (median request round trip per run).
//
// conformance: variant=gomaxprocs1 GOMAXPROCS=1 runs=5 timeout=20s expect=0
// conformance: variant=gomaxprocs2 GOMAXPROCS=2 runs=5 timeout=20s expect=0
// conformance: variant=gomaxprocs2_schedtrace GOMAXPROCS=2 GODEBUG=schedtrace=10 runs=5 timeout=20s expect=0
package main

import (
	"bufio"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

func threads() (ms, osThreads int) {
	ents, _ := os.ReadDir("/proc/self/task")
	return pprof.Lookup("threadcreate").Count(), len(ents)
}

func checksum(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

func fail(what string, err error) {
	fmt.Println(what+":", err)
	os.Exit(1)
}

func serve(c net.Conn, names []string) {
	defer c.Close()
	r := bufio.NewReader(c)
	w := bufio.NewWriter(c)
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return // client closed
		}
		i, err := strconv.Atoi(strings.TrimSpace(line))
		if err != nil || i < 0 || i >= len(names) {
			fmt.Fprintf(w, "ERR\n")
		} else {
			b, err := os.ReadFile(names[i])
			if err != nil {
				fail("read", err)
			}
			fmt.Fprintf(w, "%d %d\n", len(b), checksum(b))
		}
		if err := w.Flush(); err != nil {
			return
		}
	}
}

func main() {
	m, _ := threads()
	fmt.Printf("MEASURE threads_start=%d threads\n", m)

	dir, err := os.MkdirTemp("", "gmpsim-echo-")
	if err != nil {
		fail("mkdtemp", err)
	}
	defer os.RemoveAll(dir)
	const nfiles = 64
	seed := uint32(777)
	next := func() uint32 { seed = seed*1664525 + 1013904223; return seed }
	names := make([]string, nfiles)
	for i := range names {
		b := make([]byte, 4096+int(next()%(60*1024)))
		for j := range b {
			b[j] = byte(next() >> 24)
		}
		names[i] = filepath.Join(dir, fmt.Sprintf("f%02d.dat", i))
		if err := os.WriteFile(names[i], b, 0o600); err != nil {
			fail("write", err)
		}
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fail("listen", err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go serve(c, names)
		}
	}()

	const clients, perClient = 16, 25
	type res struct {
		n     int
		bytes int
		sum   uint64
		rtts  []time.Duration
	}
	out := make(chan res, clients)
	start := time.Now()
	var wg sync.WaitGroup
	for k := 0; k < clients; k++ {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			c, err := net.Dial("tcp", ln.Addr().String())
			if err != nil {
				fail("dial", err)
			}
			defer c.Close()
			r := bufio.NewReader(c)
			var rs res
			for j := 0; j < perClient; j++ {
				idx := (k*perClient + j*7) % nfiles
				t := time.Now()
				if _, err := fmt.Fprintf(c, "%d\n", idx); err != nil {
					fail("send", err)
				}
				line, err := r.ReadString('\n')
				if err != nil {
					fail("recv", err)
				}
				rs.rtts = append(rs.rtts, time.Since(t))
				var size int
				var sum uint64
				if _, err := fmt.Sscanf(line, "%d %d", &size, &sum); err != nil {
					fail("parse", err)
				}
				rs.n++
				rs.bytes += size
				rs.sum += sum
			}
			out <- rs
		}(k)
	}
	wg.Wait()
	close(out)
	elapsed := time.Since(start)
	var total res
	var rtts []time.Duration
	for r := range out {
		total.n += r.n
		total.bytes += r.bytes
		total.sum += r.sum
		rtts = append(rtts, r.rtts...)
	}
	sort.Slice(rtts, func(i, j int) bool { return rtts[i] < rtts[j] })
	fmt.Printf("MEASURE elapsed_ms=%.3f ms\n", float64(elapsed.Microseconds())/1e3)
	fmt.Printf("MEASURE req_us=%.1f us\n", float64(rtts[len(rtts)/2].Nanoseconds())/1e3)
	m, o := threads()
	fmt.Printf("MEASURE threads_after=%d threads\nMEASURE os_threads_after=%d threads\n", m, o)
	fmt.Printf("requests=%d bytes=%d checksum=%016x\n", total.n, total.bytes, total.sum)
}
