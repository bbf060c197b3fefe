// fmt.Sprint* return a new string: `s := string(p.buf)` allocates its bytes on the heap (Print* write
// the buffer and allocate nothing for it). 1000 Sprintf calls of a 200-byte string allocate at least
// 200 bytes each on top of their boxing; the Go frontend counts them (std/fmt.ts, rt/malloc.ts
// mallocString), so a formatting loop drives the GC model as in Go.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

var sink string

func main() {
	long := strings.Repeat("x", 200)
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	for i := 0; i < 1000; i++ {
		sink = fmt.Sprintf("%s", long)
	}
	runtime.ReadMemStats(&m1)
	per := (m1.TotalAlloc - m0.TotalAlloc) / 1000
	fmt.Println("sprintf allocates its result:", per >= 200, per < 400)
	runtime.ReadMemStats(&m0)
	for i := 0; i < 1000; i++ {
		fmt.Sprint("")
	}
	runtime.ReadMemStats(&m1)
	fmt.Println("an empty result allocates no string:", (m1.TotalAlloc-m0.TotalAlloc)/1000 < 64)
}
