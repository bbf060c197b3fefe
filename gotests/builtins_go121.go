// clear, min and max (Go 1.21; recorded on go1.26 only: go1.19 rejects them, errors/go121_builtins.go).
package main

import (
	"fmt"
	"math"
)

type pt struct{ x, y int }

func main() {
	m := map[string]int{"a": 1, "b": 2}
	clear(m)
	m["c"] = 3
	fmt.Println(len(m), m)

	s := []pt{{1, 2}, {3, 4}, {5, 6}}
	t := s[:2]
	clear(t)
	fmt.Println(s, len(t))
	var ns []int
	clear(ns)
	var nm map[int]bool
	clear(nm)

	x, y := 3, -7
	fmt.Println(min(x, y), max(x, y, 10), min(2.5, 1), max("b", "abc", "ab"))
	var f32 float32 = 1.5
	fmt.Println(min(f32, 2), max(1, f32))
	const c = max(1, 2.5, 'a')
	fmt.Println(c, min(x))
	neg := math.Copysign(0, -1)
	zero := 0.0
	fmt.Println(min(zero, neg), max(neg, zero), min(zero, math.NaN()), max(math.Inf(1), math.NaN()))
}
