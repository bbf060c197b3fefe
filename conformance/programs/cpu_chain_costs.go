// Behaviour: none — this program measures how fast compiled Go code runs when each iteration of a loop
// depends on the previous one (a loop-carried dependency chain: a hash, a random-number generator, an
// accumulator multiplied or shifted). Such a loop runs at the latency of its chain (imul 3 cycles, an add,
// xor or shift 1, a float add or multiply 3), not at the throughput of its operations, which
// cpu_costs.go's loops measure. gmpsim's Go frontend charges a loop's carried chain at these latencies
// (src/golang/cost.ts chainLatency); these figures are what it is calibrated against: each shape's
// ns/iteration (median of 9 timed batches of a run), and loop_empty in the same run, one cycle per
// iteration, to express them in cycles whatever the host's clock that day.
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
func perIter(n int, f func(int) uint64) float64 {
	out := make([]float64, 9)
	for i := range out {
		t := time.Now()
		sink += f(n)
		out[i] = float64(time.Since(t).Nanoseconds()) / float64(n)
	}
	return median(out)
}

var sink uint64

func main() {
	const n = 20_000_000
	buf := make([]byte, 64<<10)
	seed := uint32(1)
	for i := range buf {
		seed = seed*1664525 + 1013904223
		buf[i] = byte(seed >> 24)
	}
	report("loop_empty", perIter(n, func(n int) uint64 {
		i := 0
		for i = 0; i < n; i++ {
		}
		return uint64(i)
	}), "for i := 0; i < n; i++ {} (one cycle per iteration: the clock of this run)")
	report("chain_mul", perIter(n, func(n int) uint64 {
		x := uint64(n)
		for i := 0; i < n; i++ {
			x *= 1099511628211
		}
		return x
	}), "for i := 0; i < n; i++ { x *= 1099511628211 } (an imul chain)")
	report("chain_lcg", perIter(n, func(n int) uint64 {
		x := uint64(n)
		for i := 0; i < n; i++ {
			x = x*6364136223846793005 + 1442695040888963407
		}
		return x
	}), "for i := 0; i < n; i++ { x = x*6364136223846793005 + 1442695040888963407 } (imul + add)")
	report("chain_xorshift", perIter(n, func(n int) uint64 {
		x := uint64(n) | 1
		for i := 0; i < n; i++ {
			x ^= x << 13
			x ^= x >> 7
			x ^= x << 17
		}
		return x
	}), "for i := 0; i < n; i++ { x ^= x << 13; x ^= x >> 7; x ^= x << 17 } (3 × (shift + xor))")
	report("chain_add_shift", perIter(n, func(n int) uint64 {
		x := uint64(n)
		for i := 0; i < n; i++ {
			x += x>>3 + uint64(i)
		}
		return x
	}), "for i := 0; i < n; i++ { x += x>>3 + uint64(i) } (shift, add, add)")
	report("fnv64_bytes", perIter(n, func(n int) uint64 {
		h := uint64(14695981039346656037)
		for k := 0; k < n/len(buf); k++ {
			for _, c := range buf {
				h ^= uint64(c)
				h *= 1099511628211
			}
		}
		return h
	})*float64(n)/float64(n/len(buf)*len(buf)), "for _, c := range b { h ^= uint64(c); h *= 1099511628211 } (FNV-1a 64, per byte)")
	report("fnv32_bytes", perIter(n, func(n int) uint64 {
		h := uint32(2166136261)
		for k := 0; k < n/len(buf); k++ {
			for _, c := range buf {
				h ^= uint32(c)
				h *= 16777619
			}
		}
		return uint64(h)
	})*float64(n)/float64(n/len(buf)*len(buf)), "for _, c := range b { h ^= uint32(c); h *= 16777619 } (FNV-1a 32, per byte)")
	report("indep_mul_bytes", perIter(n, func(n int) uint64 {
		s := uint64(0)
		for k := 0; k < n/len(buf); k++ {
			for _, c := range buf {
				s += uint64(c) * 1099511628211
			}
		}
		return s
	})*float64(n)/float64(n/len(buf)*len(buf)), "for _, c := range b { s += uint64(c) * 1099511628211 } (the same operations without the multiply on the chain)")
	report("chain_float", perIter(n, func(n int) uint64 {
		f := float64(n)
		for i := 0; i < n; i++ {
			f = f*0.999999 + 1.5
		}
		return uint64(f)
	}), "for i := 0; i < n; i++ { f = f*0.999999 + 1.5 } (mulsd + addsd)")
}
