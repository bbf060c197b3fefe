// Behaviour: none — this program measures what common standard-library calls cost on the recording
// machine, per call or per comparison: the CPU the Go frontend charges when a program calls them
// (src/golang/cost.ts libCosts; until it was measured, a library call cost what its call site
// counted: strconv.Itoa or fmt.Sprintf ≈ 0.4 ns, sort.Ints of 1,000 ints 37 ns in all).
// Sorts are measured per comparison: `cmps` counts the comparisons pdqsort makes on the same input
// through sort.Slice with a counting less (sort.Ints, sort.Strings and sort.Slice run the same
// pattern-defeating quicksort, zsortfunc.go / zsortordered.go, so they compare the same pairs).
// Each figure is the median of 9 timed batches of a run.
//
// conformance: variant=default GOMAXPROCS=1 runs=5 timeout=120s expect=0
package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
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

// per times f() 9 times and returns the median ns per unit (units per call of f).
func per(units float64, f func()) float64 {
	out := make([]float64, 9)
	for i := range out {
		t := time.Now()
		f()
		out[i] = float64(time.Since(t).Nanoseconds()) / units
	}
	return median(out)
}

var sink int
var ssink string

// shuffled returns n ints in a fixed pseudo-random order (a linear congruential generator).
func shuffled(n int) []int {
	a := make([]int, n)
	x := uint32(12345)
	for i := range a {
		x = x*1664525 + 1013904223
		a[i] = int(x >> 8)
	}
	return a
}

// cmps is the number of comparisons pdqsort makes sorting a copy of a.
func cmps(a []int) int {
	b := append([]int(nil), a...)
	c := 0
	sort.Slice(b, func(i, j int) bool { c++; return b[i] < b[j] })
	return c
}

func main() {
	const n = 10_000
	src := shuffled(n)
	c := float64(cmps(src))
	buf := make([]int, n)
	report("sort_ints_cmp", per(c, func() {
		copy(buf, src)
		sort.Ints(buf)
	}), "sort.Ints of 10,000 shuffled ints, per comparison (copy included)")
	report("sort_slice_cmp", per(c, func() {
		copy(buf, src)
		sort.Slice(buf, func(i, j int) bool { return buf[i] < buf[j] })
	}), "sort.Slice of 10,000 shuffled ints with a less closure, per comparison (copy included)")
	strs := make([]string, n)
	for i, v := range src {
		strs[i] = strconv.Itoa(v)
	}
	sbuf := make([]string, n)
	report("sort_strings_cmp", per(c, func() {
		copy(sbuf, strs)
		sort.Strings(sbuf)
	}), "sort.Strings of 10,000 shuffled decimal strings, per comparison of the int sort (copy included)")
	sorted := make([]int, n)
	for i := range sorted {
		sorted[i] = i
	}
	report("sort_ints_sorted_elem", per(n, func() {
		copy(buf, sorted)
		sort.Ints(buf)
	}), "sort.Ints of 10,000 ints already in order, per element (pdqsort's partial insertion sort)")
	src8k := make([]int, 1024)
	dst8k := make([]int, 1024)
	report("copy_8k", per(1e5, func() {
		for i := 0; i < 1e5; i++ {
			copy(dst8k, src8k)
		}
	}), "copy of 1,024 ints (8 KiB, memmove)")
	m1k := map[int]int{}
	for i := 0; i < 1024; i++ {
		m1k[i] = i
	}
	report("range_map_elem", per(1024*1000, func() {
		for k := 0; k < 1000; k++ {
			for a, b := range m1k {
				sink += a + b
			}
		}
	}), "for k, v := range m over a map[int]int of 1,024 entries, per element")
	report("itoa", per(1e6, func() {
		for i := 0; i < 1e6; i++ {
			ssink = strconv.Itoa(i)
		}
	}), "strconv.Itoa(i), i < 1e6")
	report("sprintf_d_s", per(2e5, func() {
		for i := 0; i < 2e5; i++ {
			ssink = fmt.Sprintf("%d-%s", i, "x")
		}
	}), `fmt.Sprintf("%d-%s", i, "x")`)
	report("sprint_3", per(2e5, func() {
		for i := 0; i < 2e5; i++ {
			ssink = fmt.Sprint("a", i, "b")
		}
	}), `fmt.Sprint("a", i, "b")`)
	report("atoi", per(1e6, func() {
		for i := 0; i < 1e6; i++ {
			v, _ := strconv.Atoi("123456")
			sink += v
		}
	}), `strconv.Atoi("123456")`)
	report("format_float", per(2e5, func() {
		for i := 0; i < 2e5; i++ {
			ssink = strconv.FormatFloat(float64(i)*1.25, 'f', 2, 64)
		}
	}), "strconv.FormatFloat(x, 'f', 2, 64)")
	report("builder_write8", per(1e6, func() {
		var b strings.Builder
		for i := 0; i < 1e6; i++ {
			b.WriteString("abcdefgh")
		}
		sink += b.Len()
	}), "strings.Builder.WriteString of 8 bytes (growth amortised)")
	report("split_join_8", per(1e5, func() {
		s := "alpha,beta,gamma,delta,epsilon,zeta,eta,theta"
		for i := 0; i < 1e5; i++ {
			ssink = strings.Join(strings.Split(s, ","), ";")
		}
	}), "strings.Join(strings.Split(s, \",\"), \";\") of 8 fields, 45 bytes")
	report("contains_44", per(1e6, func() {
		s := "the quick brown fox jumps over the lazy dog"
		for i := 0; i < 1e6; i++ {
			if strings.Contains(s, "lazy") {
				sink++
			}
		}
	}), `strings.Contains of a 43-byte string, found at byte 35`)
	report("map_insert_grow", per(1e6, func() {
		for k := 0; k < 100; k++ {
			m := map[int]int{}
			for i := 0; i < 1e4; i++ {
				m[i] = i
			}
			sink += len(m)
		}
	}), "m[i] = i into a map growing from empty to 10,000 entries (100 maps)")
	report("map_insert_small", per(1e6, func() {
		m := map[int]int{}
		for i := 0; i < 1e6; i++ {
			m[i&1023] = i
		}
		sink += len(m)
	}), "m[i&1023] = i: assignments to a map of 1024 entries")
	report("concat_2", per(1e6, func() {
		for i := 0; i < 1e5; i++ {
			s := ""
			for j := 0; j < 10; j++ {
				s += "ab"
			}
			ssink = s
		}
	}), `s += "ab" growing a string to 20 bytes, per concatenation`)
}
