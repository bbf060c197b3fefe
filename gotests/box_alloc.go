// Boxing a value into an interface allocates what runtime/iface.go's convT* allocate: nothing for a
// constant, a pointer-shaped value, a bool or byte, an integer in [0, 256), "" or a nil slice; the
// value's size (8 for a float64 or a large int, 16 for a string header or a 2-word struct) otherwise.
// Per boxing, the TotalAlloc bytes of 100000 assignments to a package-level interface (they escape).
// The Go frontend counts them (src/golang/rt/malloc.ts box*), so they drive the GC model as in Go.
package main

import (
	"fmt"
	"runtime"
)

type pair struct{ a, b int64 }

var sink interface{}

func measure(name string, f func(i int)) {
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	for i := 0; i < 100000; i++ {
		f(i)
	}
	runtime.ReadMemStats(&m1)
	fmt.Printf("%s %d\n", name, (m1.TotalAlloc-m0.TotalAlloc+50000)/100000)
}

func main() {
	p := &pair{}
	strs := []string{"hello", "world"}
	empty := []string{"", ""}
	measure("float", func(i int) { sink = float64(i) + 0.5 })
	measure("smallint", func(i int) { sink = i % 200 })
	measure("bigint", func(i int) { sink = i + 1000 })
	measure("string", func(i int) { sink = strs[i%2] })
	measure("emptystring", func(i int) { sink = empty[i%2] })
	measure("pointer", func(i int) { sink = p })
	measure("struct", func(i int) { sink = pair{int64(i), 2} })
	measure("bool", func(i int) { sink = i%2 == 0 })
	measure("slice", func(i int) { sink = []int(nil) })
}
