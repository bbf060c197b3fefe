package main

// x op= y and x++ on a map element whose key is missing read the element type's zero value: ""
// for a string (gmpsim read 0 and printed "0x"), 0 for an int64 under a struct key (issue 11: the
// checked 64-bit arithmetic got null).

import "fmt"

type K struct{ a [2]int }

func main() {
	m := map[string]string{}
	m["a"] += "x"
	m["a"] += "y"
	f := map[string]float64{}
	f["z"] += 1.5
	c := map[K]int64{}
	c[K{}]++
	c[K{}] += 1 << 62
	c[K{[2]int{1, 2}}] -= 1 << 62
	u := map[[2]string]uint64{}
	u[[2]string{"a", "b"}]--
	fmt.Println(m, f, c, u)
}
