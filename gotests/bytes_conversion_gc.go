// []byte(s) and string(b) allocate (runtime.stringtoslicebyte, slicebytetostring): converting a
// 256 KB string back and forth 200 times makes 100 MB of garbage the GC collects, so NumGC grows
// and Sys stays far below the bytes converted (test/init1.go's check).
package main

import "runtime"

var x []byte
var y string

func main() {
	const MB = 1 << 20
	const size = 256 << 10
	b := make([]byte, size)
	for i := range b {
		b[i] = byte(i%10 + '0')
	}
	s := string(b)
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	sys, numGC := m.Sys, m.NumGC
	for i := 0; i < 200; i++ {
		x = []byte(s)
		y = string(x)
	}
	runtime.ReadMemStats(&m)
	println("collected:", m.NumGC > numGC)
	println("sys below converted bytes:", m.Sys-sys < 50*MB)
}
