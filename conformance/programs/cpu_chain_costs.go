// Behaviour: none — this program measures how fast compiled Go code runs when each iteration of a loop
// depends on the previous one (a loop-carried dependency chain: a hash, a random-number generator, an
// accumulator multiplied or shifted). Such a loop runs at the latency of its chain (imul 3 cycles, an add,
// xor or shift 1, a float add or multiply 3, a load from L1 4–5), not at the throughput of its operations, which
// cpu_costs.go's loops measure. gmpsim's Go frontend charges a loop's carried chain at these latencies
// (src/golang/cost.ts chainAlu, chainMul, chainFloat, chainLoad, chainIndexLoad); these figures are what
// it is calibrated against: each shape's ns/iteration, the fastest of 15 timed batches of a run (a
// latency is what an uninterrupted batch takes: on the shared recording machine a batch another job
// preempted only reads slower), and loop_empty in the same run, one cycle per iteration, the clock.
//
// conformance: variant=default GOMAXPROCS=1 runs=5 timeout=60s expect=0
package main

import (
	"fmt"
	"sort"
	"time"
)

func fastest(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[0]
}

func report(name string, v float64, what string) {
	fmt.Printf("DESCRIBE %s %s\n", name, what)
	fmt.Printf("MEASURE %s=%.4g ns\n", name, v)
}

type shapeT struct {
	name, what string
	scale      float64 // ns per iteration of f(n) to ns per unit (the byte loops: per byte hashed)
	f          func(int) uint64
}

var shapes []shapeT

func shape(name, what string, scale float64, f func(int) uint64) {
	shapes = append(shapes, shapeT{name, what, scale, f})
}

// measure times every shape's f(n) 15 times, the shapes taking turns (a noisy stretch of the host
// spoils a batch of each rather than every batch of one), and reports each one's fastest ns per iteration.
func measure(n int) {
	out := make([][]float64, len(shapes))
	for round := 0; round < 15; round++ {
		for i, s := range shapes {
			t := time.Now()
			sink += s.f(n)
			out[i] = append(out[i], float64(time.Since(t).Nanoseconds())/float64(n)*s.scale)
		}
	}
	for i, s := range shapes {
		report(s.name, fastest(out[i]), s.what)
	}
}

var sink uint64

// tab is an array, so `tab[x&1023]` has no bounds check.
var tab [1024]uint64

type node struct {
	next *node
	val  uint64
}

func main() {
	const n = 4_000_000
	buf := make([]byte, 64<<10)
	seed := uint32(1)
	for i := range buf {
		seed = seed*1664525 + 1013904223
		buf[i] = byte(seed >> 24)
	}
	shape("loop_empty", "for i := 0; i < n; i++ {} (one cycle per iteration: the clock of this run)", 1, func(n int) uint64 {
		i := 0
		for i = 0; i < n; i++ {
		}
		return uint64(i)
	})
	shape("chain_mul", "for i := 0; i < n; i++ { x *= 1099511628211 } (an imul chain)", 1, func(n int) uint64 {
		x := uint64(n)
		for i := 0; i < n; i++ {
			x *= 1099511628211
		}
		return x
	})
	shape("chain_lcg", "for i := 0; i < n; i++ { x = x*6364136223846793005 + 1442695040888963407 } (imul + add)", 1, func(n int) uint64 {
		x := uint64(n)
		for i := 0; i < n; i++ {
			x = x*6364136223846793005 + 1442695040888963407
		}
		return x
	})
	shape("chain_xorshift", "for i := 0; i < n; i++ { x ^= x << 13; x ^= x >> 7; x ^= x << 17 } (3 × (shift + xor))", 1, func(n int) uint64 {
		x := uint64(n) | 1
		for i := 0; i < n; i++ {
			x ^= x << 13
			x ^= x >> 7
			x ^= x << 17
		}
		return x
	})
	shape("chain_add_shift", "for i := 0; i < n; i++ { x += x>>3 + uint64(i) } (shift, add, add)", 1, func(n int) uint64 {
		x := uint64(n)
		for i := 0; i < n; i++ {
			x += x>>3 + uint64(i)
		}
		return x
	})
	shape("fnv64_bytes", "for _, c := range b { h ^= uint64(c); h *= 1099511628211 } (FNV-1a 64, per byte)", float64(n)/float64(n/len(buf)*len(buf)), func(n int) uint64 {
		h := uint64(14695981039346656037)
		for k := 0; k < n/len(buf); k++ {
			for _, c := range buf {
				h ^= uint64(c)
				h *= 1099511628211
			}
		}
		return h
	})
	shape("fnv32_bytes", "for _, c := range b { h ^= uint32(c); h *= 16777619 } (FNV-1a 32, per byte)", float64(n)/float64(n/len(buf)*len(buf)), func(n int) uint64 {
		h := uint32(2166136261)
		for k := 0; k < n/len(buf); k++ {
			for _, c := range buf {
				h ^= uint32(c)
				h *= 16777619
			}
		}
		return uint64(h)
	})
	shape("indep_mul_bytes", "for _, c := range b { s += uint64(c) * 1099511628211 } (the same operations without the multiply on the chain)", float64(n)/float64(n/len(buf)*len(buf)), func(n int) uint64 {
		s := uint64(0)
		for k := 0; k < n/len(buf); k++ {
			for _, c := range buf {
				s += uint64(c) * 1099511628211
			}
		}
		return s
	})
	for i := range tab {
		tab[i] = uint64(i*613) & 1023
	}
	shape("chain_load", "for i := 0; i < n; i++ { x = tab[(x^uint64(i))&1023] } (xor, and, an L1 load: tab is 8 KiB)", 1, func(n int) uint64 {
		x := uint64(n)
		for i := 0; i < n; i++ {
			x = tab[(x^uint64(i))&1023]
		}
		return x
	})
	// a ring of 1024 nodes (16 KiB, in L1), linked in a shuffled order
	nodes := make([]node, 1024)
	for i := range nodes {
		nodes[i].next = &nodes[(i*613+1)&1023]
		nodes[i].val = uint64(i)
	}
	shape("chain_ptr", "for i := 0; i < n; i++ { p = p.next } (a pointer chase through a 16 KiB ring: one L1 load)", 1, func(n int) uint64 {
		p := &nodes[0]
		for i := 0; i < n; i++ {
			p = p.next
		}
		return p.val
	})
	shape("chain_float", "for i := 0; i < n; i++ { f = f*0.999999 + 1.5 } (mulsd + addsd)", 1, func(n int) uint64 {
		f := float64(n)
		for i := 0; i < n; i++ {
			f = f*0.999999 + 1.5
		}
		return uint64(f)
	})
	measure(n)
}
