// new(expr) (Go 1.26): a new variable initialised to expr's value (recorded on go1.26 only; go1.19
// rejects it, errors/go126_new_expr.go).
package main

import "fmt"

type point struct{ x, y int }

var g = new(len("four"))

func main() {
	p := point{1, 2}
	q := new(p) // a copy: writing through q leaves p alone
	q.x = 10
	fmt.Println(p, *q)

	a := [3]int{1, 2, 3}
	pa := new(a)
	pa[0] = 9
	fmt.Println(a, *pa)

	f := new(1.5)
	s := new("str")
	b := new(a[1] > 1)
	r := new('x')
	fmt.Printf("%T %v %T %v %T %v %T %v\n", f, *f, s, *s, b, *b, r, *r)

	n := new(int) // still a type
	*n = *g + 1
	fmt.Println(*n, *g)
}
