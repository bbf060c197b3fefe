// Package functions used as values, sort.Interface, sort.Search, math/strings/bytes/utf8/strconv
// additions, switch with an init and no tag, interface cases, chan comparison, hex float literals.

package main

import (
	"bytes"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

type byLen []string

func (s byLen) Len() int           { return len(s) }
func (s byLen) Less(i, j int) bool { return len(s[i]) < len(s[j]) }
func (s byLen) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

func apply(f func(int) string, xs []int) []string {
	var out []string
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func main() {
	// package functions as values
	fmt.Println(apply(strconv.Itoa, []int{1, 22, 333}))
	up := strings.ToUpper
	join := strings.Join
	fmt.Println(up("abc"), join([]string{"a", "b"}, "-"))
	var pr func(a ...interface{}) (int, error) = fmt.Println
	pr("via", "value", 3)
	// sort.Interface
	words := byLen{"ccc", "a", "bb", "dddd", ""}
	sort.Sort(words)
	fmt.Println(words, sort.IsSorted(words))
	ws := byLen{"xx", "a", "yy", "b", "zzz"}
	sort.Stable(ws)
	fmt.Println(ws)
	xs := []int{1, 3, 5, 7, 9}
	fmt.Println(sort.Search(len(xs), func(i int) bool { return xs[i] >= 6 }))
	fs := []float64{3, math.NaN(), -1, math.Inf(1), 2}
	sort.Float64s(fs)
	fmt.Println(fs)
	// math
	fmt.Println(math.Signbit(math.Copysign(0, -1)), math.Copysign(3, -2), math.Float64bits(1.5), math.Float64frombits(0x4000000000000000))
	fmt.Println(math.Log2(8), math.Log10(1000), math.Hypot(3, 4), math.Atan2(1, 1), math.Cbrt(27))
	fmt.Println(uint64(math.MaxUint32), math.MaxUint16, math.MinInt16, math.MinInt8)
	// strings, bytes, utf8, strconv
	fmt.Println(strings.EqualFold("Go", "GO"), strings.EqualFold("Go", "Ga"), bytes.Compare([]byte("a"), []byte("b")), bytes.Compare([]byte("b"), []byte("a")), bytes.Compare(nil, []byte{}))
	r, w := utf8.DecodeRune([]byte("é!"))
	r2, w2 := utf8.DecodeRune(nil)
	fmt.Println(r, w, r2, w2, utf8.UTFMax)
	fmt.Println(strconv.FormatFloat(2.5, 'f', -1, 64), strconv.FormatFloat(1e21, 'f', -1, 64), strconv.FormatFloat(0.000123, 'e', -1, 64), strconv.FormatFloat(-3, 'e', -1, 64))
	// switch with an init and no tag; interface cases
	switch x := len(words); {
	case x > 3:
		fmt.Println("many", x)
	default:
		fmt.Println("few")
	}
	var i interface{} = 2
	switch 2 {
	case i:
		fmt.Println("matched interface case")
	}
	switch v := interface{}(true); {
	case v:
		fmt.Println("tagless interface case")
	}
	// comparison of chan int with <-chan int
	c := make(chan int)
	var rc <-chan int = c
	fmt.Println(c == rc)
	// hex float literals
	fmt.Println(0x1p-2, 0x1.8p1, 0X_1FFFP-16)
}
