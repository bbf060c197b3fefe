// []byte(s) and string(b) allocate (runtime.stringtoslicebyte, slicebytetostring): converting a
// 1 MB string 300 times makes garbage the GC collects, so NumGC grows and Sys stays far below
// the bytes converted (test/init1.go's check).
package main

import "runtime"

var x []byte
var y string

func main() {
	const MB = 1 << 20
	b := make([]byte, MB)
	for i := range b {
		b[i] = byte(i%10 + '0')
	}
	s := string(b)
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	sys, numGC := m.Sys, m.NumGC
	for i := 0; i < 300; i++ {
		x = []byte(s)
		y = string(x)
	}
	runtime.ReadMemStats(&m)
	println("collected:", m.NumGC > numGC)
	println("sys below converted bytes:", m.Sys-sys < 600*MB)
}
