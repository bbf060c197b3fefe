// goto: forward and backward jumps in one statement list and from nested blocks, with labeled loops.

package main

import "fmt"

func f(n int) (s int) {
	i := 0
loop:
	if i < n {
		s += i
		i++
		goto loop
	}
	return
}

func g() {
	for j := 0; j < 3; j++ {
		k := 0
	again:
		k++
		if k < j {
			goto again
		}
		if j == 1 {
			goto next
		}
		fmt.Println("j", j, "k", k)
	next:
		fmt.Println("next", j)
	}
}

func skip(b bool) {
	if b {
		goto out
	}
	fmt.Println("not skipped")
out:
}

func main() {
	skip(true)
	skip(false)
	fmt.Println(f(10))
	g()
	x := 0
L:
	for {
		x++
		if x > 3 {
			break L
		}
		if x == 2 {
			goto L
		}
		fmt.Println("x", x)
	}
	goto end
end:
	fmt.Println("end", x)
}
