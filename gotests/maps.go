package main

import (
	"fmt"
	"sort"
)

func main() {
	m := map[string]int{"a": 1, "b": 2}
	m["c"] = 3
	m["a"] += 10
	delete(m, "b")
	v, ok := m["zzz"]
	fmt.Println(len(m), m["a"], v, ok)
	fmt.Println(m)
	keys := []string{}
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(keys)
	counts := make(map[rune]int)
	for _, r := range "hello world" {
		counts[r]++
	}
	fmt.Println(counts['l'], counts['o'], counts['z'])
	type key struct{ a, b int }
	mk := map[key]string{{1, 2}: "x"}
	mk[key{3, 4}] = "y"
	fmt.Println(mk[key{1, 2}], mk[key{3, 4}], len(mk))
	var nm map[string]int
	fmt.Println(nm["x"], len(nm))
	xs := []int{5, 2, 8, 1}
	sort.Ints(xs)
	fmt.Println(xs)
	sort.Slice(xs, func(i, j int) bool { return xs[i] > xs[j] })
	fmt.Println(xs)
}
