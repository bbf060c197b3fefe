package main

// A tuple assignment evaluates the operands of the index expressions and pointer indirections
// on its left, and the expressions on its right, before it assigns anything (the spec's two
// phases; test/reorder.go of Go's own tests checks the same).

import "fmt"

type P struct{ a, b int }

func two() (*int, int) { return nil, 42 }

func main() {
	x := []int{1, 2, 3}
	i := 0
	i, x[i] = 1, 100
	fmt.Println(i, x)

	x = []int{1, 2, 3}
	i = 0
	x[i], i = 100, 1
	fmt.Println(i, x)

	a := [3]int{1, 2, 3}
	i = 2
	i, a[i], a[0] = 0, 7, a[i]
	fmt.Println(i, a)

	y := []int{9, 9}
	x = []int{1, 2, 3}
	x, x[0] = y, 5
	fmt.Println(x, y)

	m := map[string]int{}
	k := "a"
	k, m[k] = "b", 1
	fmt.Println(k, m)

	p := new(int)
	q := p
	p, *p = nil, 5
	fmt.Println(p == nil, *q)

	r := new(int)
	s := r
	r, *r = two()
	fmt.Println(r == nil, *s)

	ps := &P{1, 2}
	old := ps
	ps, *ps = &P{}, P{3, 4}
	fmt.Println(*ps, *old)

	j := 1
	x = []int{10, 20, 30}
	x[j], x[j+1] = x[j+1], x[j]
	fmt.Println(x)
}
