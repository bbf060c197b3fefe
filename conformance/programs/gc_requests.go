// Behaviour: a server-like program whose garbage comes from the standard library. W server
// goroutines take requests from a channel; each request is a line "<id> <n>" that the server parses
// (strings.Fields, strconv.Atoi) and answers with a payload: n numbers built with strings.Builder and
// strconv.Itoa, repeated to ≈3 KB (strings.Repeat), behind a header from fmt.Sprintf — nearly every
// byte of garbage is the library's (≈6.5 KB a request). C client
// goroutines each send R requests one after another and wait for the answer (a channel per client).
// The heap stays small (nothing survives a request), so the collector runs cycles at the 4 MB
// minimum goal: how many depends on how many bytes the library allocates per request, and each
// cycle takes a P for its dedicated mark worker (25 % of GOMAXPROCS, rounded) and makes allocating
// goroutines assist.
// Spec: issue #18 (GC cycles, mark workers, assists as the scheduler sees them), malloc.go mallocgc
// (shouldhelpgc), mgcpacer.go (heapMinimum); the library's allocations: gotests/library_alloc.go.
// stdout: requests and a checksum of the answers' lengths (identical every run). MEASURE numgc
// (MemStats.NumGC at the end), total_alloc_mb (MemStats.TotalAlloc), req_us and req_p99_us (median
// and 99th percentile of a request's round trip over all clients), elapsed_ms (first request →
// last answer), threads (pprof threadcreate: every M created).
// Look for: numgc ≈ total_alloc_mb / 4 (the minimum goal), the same at every GOMAXPROCS; the p99 a
// few times the median (requests that met a GC's assist or a stop-the-world).
//
// conformance: variant=p1 GOMAXPROCS=1 runs=5 timeout=20s expect=0
// conformance: variant=p2 GOMAXPROCS=2 runs=5 timeout=20s expect=0
// conformance: variant=p4 GOMAXPROCS=4 runs=5 timeout=20s expect=0
// conformance: variant=p2_gctrace GOMAXPROCS=2 GODEBUG=gctrace=1 runs=5 timeout=20s expect=0
package main

import (
	"fmt"
	"runtime"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

const (
	clients  = 8
	requests = 200 // per client
	servers  = 4
	numbers  = 30 // per answer's line
	repeat   = 20 // lines per answer
)

type request struct {
	line  string
	reply chan string
}

func serve(in <-chan request) {
	for r := range in {
		f := strings.Fields(r.line)
		id, _ := strconv.Atoi(f[0])
		n, _ := strconv.Atoi(f[1])
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(strconv.Itoa(id*1000 + i*37))
			b.WriteByte(',')
		}
		body := strings.Repeat(b.String()+"\n", repeat)
		r.reply <- fmt.Sprintf("%d %d\n", id, len(body)) + body
	}
}

func main() {
	in := make(chan request)
	for i := 0; i < servers; i++ {
		go serve(in)
	}
	lat := make([][]time.Duration, clients)
	sums := make([]int, clients)
	var wg sync.WaitGroup
	start := time.Now()
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			reply := make(chan string)
			for j := 0; j < requests; j++ {
				id := 10000 + c*requests + j
				t := time.Now()
				in <- request{strconv.Itoa(id) + " " + strconv.Itoa(numbers), reply}
				ans := <-reply
				lat[c] = append(lat[c], time.Since(t))
				sums[c] += len(ans)
			}
		}(c)
	}
	wg.Wait()
	elapsed := time.Since(start)
	close(in)
	var all []time.Duration
	total := 0
	for c := range lat {
		all = append(all, lat[c]...)
		total += sums[c]
	}
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("requests=%d bytes=%d\n", len(all), total)
	fmt.Printf("MEASURE numgc=%d count\n", ms.NumGC)
	fmt.Printf("MEASURE total_alloc_mb=%.2f MB\n", float64(ms.TotalAlloc)/(1<<20))
	fmt.Printf("MEASURE req_us=%.1f us\n", float64(all[len(all)/2].Nanoseconds())/1e3)
	fmt.Printf("MEASURE req_p99_us=%.1f us\n", float64(all[len(all)*99/100].Nanoseconds())/1e3)
	fmt.Printf("MEASURE elapsed_ms=%.3f ms\n", float64(elapsed.Microseconds())/1e3)
	fmt.Printf("MEASURE threads=%d threads\n", pprof.Lookup("threadcreate").Count())
}
