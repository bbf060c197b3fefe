// Go's sort algorithms as a program observes them: which of two equal elements ends first after the
// unstable sort.Slice and sort.Sort (pdqsort), how many times Less is called, sort.Stable and
// SliceStable keeping order, Reverse, IntSlice/StringSlice/Float64Slice, NaN placement and searches.
package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

type rec struct {
	key  int
	name string
}

type byKey []rec

func (b byKey) Len() int           { return len(b) }
func (b byKey) Less(i, j int) bool { return b[i].key < b[j].key }
func (b byKey) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

func records(n, keys int) []rec {
	out := make([]rec, n)
	x := uint32(7)
	for i := range out {
		x = x*1103515245 + 12345
		out[i] = rec{int(x>>16) % keys, fmt.Sprintf("r%d", i)}
	}
	return out
}

func names(rs []rec) string {
	var b strings.Builder
	for i, r := range rs {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%d:%s", r.key, r.name)
	}
	return b.String()
}

func checksum(rs []rec) int {
	h := 0
	for i, r := range rs {
		n, _ := strconv.Atoi(r.name[1:])
		h = (h*31 + n*7 + i) % 1000000007
	}
	return h
}

func main() {
	for _, n := range []int{5, 13, 40, 100} {
		rs := records(n, 4)
		calls := 0
		sort.Slice(rs, func(i, j int) bool { calls++; return rs[i].key < rs[j].key })
		fmt.Println("Slice", n, calls, names(rs))
	}
	for _, n := range []int{1000, 20000} {
		rs := records(n, 10)
		calls := 0
		sort.Slice(rs, func(i, j int) bool { calls++; return rs[i].key < rs[j].key })
		fmt.Println("Slice", n, calls, checksum(rs))
		rs = records(n, 10)
		sort.Sort(byKey(rs))
		fmt.Println("Sort", n, checksum(rs))
		rs = records(n, 10)
		calls = 0
		sort.SliceStable(rs, func(i, j int) bool { calls++; return rs[i].key < rs[j].key })
		fmt.Println("SliceStable", n, calls, checksum(rs))
		rs = records(n, 10)
		sort.Stable(byKey(rs))
		fmt.Println("Stable", n, checksum(rs))
		rs = records(n, 10)
		sort.Sort(sort.Reverse(byKey(rs)))
		fmt.Println("Reverse", n, checksum(rs))
	}
	// already sorted, reversed, and all-equal inputs (pdqsort's patterns)
	for _, shape := range []string{"sorted", "reversed", "equal", "sawtooth"} {
		a := make([]int, 500)
		for i := range a {
			switch shape {
			case "sorted":
				a[i] = i
			case "reversed":
				a[i] = 500 - i
			case "equal":
				a[i] = 3
			case "sawtooth":
				a[i] = i % 17
			}
		}
		calls := 0
		sort.Slice(a, func(i, j int) bool { calls++; return a[i] < a[j] })
		fmt.Println(shape, calls, sort.IntsAreSorted(a))
	}
	ints := []int{5, 2, 8, 1, 9, 3}
	sort.Sort(sort.Reverse(sort.IntSlice(ints)))
	fmt.Println(ints)
	sort.Ints(ints)
	fmt.Println(ints, sort.SearchInts(ints, 4), sort.SearchInts(ints, 9), sort.IntSlice(ints).Search(8))
	strs := []string{"pear", "apple", "fig", "banana", "Zebra", "apple"}
	sort.Strings(strs)
	fmt.Println(strs, sort.StringsAreSorted(strs), sort.SearchStrings(strs, "fig"))
	sort.Sort(sort.Reverse(sort.StringSlice(strs)))
	fmt.Println(strs)
	nan := 0.0
	nan = nan / nan
	fl := []float64{2.5, nan, -1, 3, nan, 0}
	sort.Float64s(fl)
	fmt.Println(fl, sort.Float64sAreSorted(fl))
	i, found := sort.Find(len(ints), func(i int) int { return 8 - ints[i] })
	fmt.Println(i, found)
	fmt.Println(sort.Search(100, func(i int) bool { return i*i >= 50 }))
	fmt.Println(sort.IsSorted(sort.IntSlice(ints)), sort.SliceIsSorted(strs, func(i, j int) bool { return strs[i] < strs[j] }))
}
