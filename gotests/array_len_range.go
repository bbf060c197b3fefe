package main

// [...]T{…} literals are arrays (copied on assignment, usable in constant len), len and cap of an
// array or array pointer evaluate their operand only when it contains a call or a receive, and a
// range clause with `=` assigns its index and value as a tuple assignment; ranging over a nil
// array pointer is fine while only the index is used.
// (test/complit.go and test/range.go of Go's own tests check the same.)

import "fmt"

var calls int

func arr() *[5]int {
	calls++
	return &[5]int{1, 2, 3, 4, 5}
}

func main() {
	a := [...]int{1, 2, 3}
	b := a
	b[0] = 9
	fmt.Println(a, b, len(a))
	var c [len(a) + 1]int
	fmt.Printf("%T %T\n", a, c)
	aa := [][len(a)]int{a, b}
	fmt.Println(aa)

	var p *[4]int
	const n = len(p)
	fmt.Println(n, cap(p))
	fmt.Println(len(arr()), cap(arr()), calls)
	ch := make(chan [3]int, 1)
	ch <- a
	fmt.Println(len(<-ch), len(ch))

	x := []int{10, 20}
	i := 1
	for i, x[i] = range []int{99} {
	}
	fmt.Println(i, x)
	m := map[int]string{}
	k := 7
	for k, m[k] = range []string{"z"} {
	}
	fmt.Println(k, m)
	// ranging over a nil array pointer with only the index does not dereference it (test/nil.go)
	sum := 0
	for i := range p {
		sum += i
	}
	for range p {
		sum++
	}
	fmt.Println(sum)
}
