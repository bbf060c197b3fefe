// Converting a slice to an array (Go 1.20; recorded on go1.26 only, go1.19 rejects it): a copy of
// the slice's first N elements; a short slice panics.
package main

import "fmt"

type pt struct{ x int }

func main() {
	s := []pt{{1}, {2}, {3}}
	a := [2]pt(s)
	a[0].x = 9
	fmt.Println(s, a)
	var n []int
	fmt.Println([0]int(n))
	defer func() { fmt.Println(recover()) }()
	_ = [4]pt(s)
}
