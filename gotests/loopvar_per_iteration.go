package main

// Go 1.22's loop variables: each iteration of a 3-clause or range loop has its own `:=`
// variables (go1.19: one per loop). Closures and pointers show which.

import "fmt"

type P struct{ n int }

func main() {
	var fs []func()
	for i := 0; i < 3; i++ {
		fs = append(fs, func() { fmt.Print(i, " ") })
		if i == 1 {
			continue
		}
	}
	for i, s := range []string{"a", "b"} {
		fs = append(fs, func() { fmt.Print(i, s, " ") })
	}
	for k := range map[string]bool{"m": true} {
		fs = append(fs, func() { fmt.Print(k, " ") })
	}
	for _, f := range fs {
		f()
	}
	fmt.Println()
	var ps []*int
	for i := 0; i < 3; i++ {
		ps = append(ps, &i)
	}
	fmt.Println(*ps[0], *ps[1], *ps[2])
	var qs []*P
	for _, p := range []P{{1}, {2}} {
		qs = append(qs, &p)
	}
	fmt.Println(qs[0].n, qs[1].n)
	ss := []P{{1}, {2}}
	for _, p := range ss {
		p.n = 9
	}
	as := [][2]int{{1, 2}}
	for _, a := range as {
		a[0] = 9
	}
	fmt.Println(ss, as)
	for i, j := 0, 10; i < j; i, j = i+1, j-2 {
		fs = append(fs[:0], func() { fmt.Print(i+j, " ") })
		defer fs[0]()
	}
	for i := 0; i < 6; i++ {
		i++
		fmt.Print(i)
	}
	fmt.Println()
}
