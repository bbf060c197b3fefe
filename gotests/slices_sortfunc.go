package main

// slices.SortFunc and slices.Sort on more than 12 elements are pdqsort, as Go's: elements the
// comparison calls equal end in Go's (unstable) order, which a merge sort did not reproduce;
// SortStableFunc keeps their order. (Go 1.21+: recorded on go1.26.8 only.)

import (
	"fmt"
	"slices"
	"strings"
)

type P struct {
	N string
	A int
}

func main() {
	var ps []P
	for i := 0; i < 40; i++ {
		ps = append(ps, P{fmt.Sprint("p", i), (i * 7) % 5})
	}
	b := slices.Clone(ps)
	slices.SortFunc(b, func(x, y P) int { return x.A - y.A })
	fmt.Println(b)
	c := slices.Clone(ps)
	slices.SortStableFunc(c, func(x, y P) int { return x.A - y.A })
	fmt.Println(c)
	words := strings.Fields("the quick brown fox jumps over the lazy dog and runs far away from all of them quickly")
	slices.SortFunc(words, func(a, b string) int { return len(a) - len(b) })
	fmt.Println(words)
	xs := []float64{3, 1, 2, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, -1, 11, 10}
	slices.Sort(xs)
	fmt.Println(xs, slices.IsSorted(xs))
}
