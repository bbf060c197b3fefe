// Behaviour: none — this program measures how fast compiled Go code runs on the recording machine: the
// time per loop iteration of a few common loop shapes. gmpsim's Go frontend charges simulated CPU time
// per operation of the interpreted program (src/golang cost model); these figures are what it is
// calibrated against (each shape's ns/iteration, median of 9 timed batches of a run).
//
// conformance: variant=default GOMAXPROCS=1 runs=5 timeout=60s expect=0
package main

import (
	"fmt"
	"sort"
	"time"
)

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}

func report(name string, v float64, what string) {
	fmt.Printf("DESCRIBE %s %s\n", name, what)
	fmt.Printf("MEASURE %s=%.4g ns\n", name, v)
}

// perIter times f(n) 9 times and returns the median ns per iteration.
func perIter(n int, f func(int) int) float64 {
	out := make([]float64, 9)
	for i := range out {
		t := time.Now()
		sink += f(n)
		out[i] = float64(time.Since(t).Nanoseconds()) / float64(n)
	}
	return median(out)
}

var sink int

//go:noinline
func add(a, b int) int { return a + b }

func main() {
	const n = 20_000_000
	report("loop_empty", perIter(n, func(n int) int {
		i := 0
		for i = 0; i < n; i++ {
		}
		return i
	}), "for i := 0; i < n; i++ {}")
	report("loop_sum", perIter(n, func(n int) int {
		sum := 0
		for i := 0; i < n; i++ {
			sum += i
		}
		return sum
	}), "for i := 0; i < n; i++ { sum += i }")
	report("loop_count_until", perIter(n, func(n int) int {
		c := 0
		for {
			c++
			if c%1000 == 0 && c >= n {
				break
			}
		}
		return c
	}), "for { c++; if c%1000 == 0 && c >= n { break } }")
	s := make([]int, 1024)
	report("loop_slice", perIter(n, func(n int) int {
		for i := 0; i < n; i++ {
			s[i&1023] += i
		}
		return s[7]
	}), "for i := 0; i < n; i++ { s[i&1023] += i }")
	report("loop_call", perIter(n, func(n int) int {
		sum := 0
		for i := 0; i < n; i++ {
			sum = add(sum, i)
		}
		return sum
	}), "for i := 0; i < n; i++ { sum = add(sum, i) } (add not inlined)")
	m := map[int]int{}
	for i := 0; i < 1024; i++ {
		m[i] = i
	}
	report("loop_map", perIter(n/10, func(n int) int {
		sum := 0
		for i := 0; i < n; i++ {
			sum += m[i&1023]
		}
		return sum
	}), "for i := 0; i < n; i++ { sum += m[i&1023] } (map[int]int of 1024)")
	report("loop_arith", perIter(n, func(n int) int {
		x := 1
		for i := 0; i < n; i++ {
			x = x*31 + i ^ (x >> 3)
		}
		return x
	}), "for i := 0; i < n; i++ { x = x*31 + i ^ (x >> 3) }")
	report("loop_append", perIter(n/10, func(n int) int {
		var b []int
		for i := 0; i < n; i++ {
			b = append(b, i)
		}
		return len(b)
	}), "for i := 0; i < n; i++ { b = append(b, i) } (from a nil slice)")
	report("loop_nested", perIter(n, func(n int) int {
		sum := 0
		for i := 0; i < n/100; i++ {
			for j := 0; j < 100; j++ {
				sum += j
			}
		}
		return sum
	}), "two nested loops, inner: for j := 0; j < 100; j++ { sum += j }; per inner iteration")
}
