package main

// Pointers to one slice element, array element or field are equal however they were taken
// (test/bigalg.go of Go's own tests compares &a[0] of a slice stored in a map).

import "fmt"

type P struct {
	n int
	s string
}

func same(a, b []int) bool { return &a[0] == &b[0] }

func main() {
	a := []int{1, 2, 3}
	m := map[int][]int{1: a}
	fmt.Println(same(a, m[1]), same(a, []int{1, 2, 3}), &a[1] == &a[1:][0], &a[1] != &a[2])
	arr := [3]int{}
	p, q := &arr[2], &arr[2]
	fmt.Println(p == q, p != q, p == &arr[1])
	s := &P{}
	fmt.Println(&s.n == &s.n, &s.s == &s.s)
	x := 5
	px, py := &x, &x
	fmt.Println(px == py)
	var e1, e2 interface{} = &a[0], &a[0]
	fmt.Println(e1 == e2, e1 == interface{}(&a[1]))
	var np *int
	fmt.Println(np == nil, p == nil, np == p)
}
