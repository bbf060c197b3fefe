package main

// A label on a declaring statement: `L: c := 3` declares c for the statements after it, and a goto
// back to L re-runs the declaration (spec, "Goto statements": no jump over a declaration into its
// scope, so the forward goto L here is legal).

import "fmt"

func count(n int) int {
	i := 0
loop:
	j := i * 2
	if i < n {
		i++
		goto loop
	}
	return j
}

func main() {
	goto L
L:
	c := 3
	fmt.Println(c)
	fmt.Println(count(5))
	s := 0
again:
	for k := 0; k < 3; k++ {
		s += k
	}
	if s < 10 {
		goto again
	}
	fmt.Println(s)
}
