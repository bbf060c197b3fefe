// Range over iterator functions (Go 1.23; recorded on go1.26 only: go1.19 rejects it,
// errors/go123_range_func.go): break, continue, labels of enclosing loops, return from nested
// loops, defer in the body, and the runtime's check of an iterator that goes on after the body
// said stop.
package main

import "fmt"

func count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				fmt.Println("  stop at", i)
				return
			}
		}
	}
}

func pairs(yield func(string, int) bool) {
	_ = yield("a", 1) && yield("b", 2) && yield("c", 3)
}

func find(target int) (int, string) {
	for i := range count(5) {
		for k, v := range pairs {
			if i*v == target {
				return i, k
			}
		}
	}
	return -1, ""
}

func deferred() (s string) {
	defer func() { s += " done" }()
	for i := range count(3) {
		defer func() { s += fmt.Sprint(" d", i) }()
	}
	return "body"
}

func bad(yield func(int) bool) {
	yield(1)
	yield(2) // the body broke out: Go panics
}

func main() {
	for i := range count(10) {
		if i%2 == 0 {
			continue
		}
		if i > 6 {
			break
		}
		fmt.Println("odd", i)
	}
outer:
	for j := 0; j < 3; j++ {
		for i := range count(4) {
			switch {
			case i == 1:
				continue outer
			case j == 2:
				break outer
			}
			fmt.Println("j", j, "i", i)
		}
	}
	fmt.Println(find(6))
	fmt.Println(find(100))
	fmt.Println(deferred())
	var fs []func() int
	for i := range count(3) {
		fs = append(fs, func() int { return i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	n := 0
	for range pairs {
		n++
	}
	var k string
	for k = range pairs {
	}
	fmt.Println(n, k)
	defer func() { fmt.Println("recovered:", recover()) }()
	for x := range bad {
		fmt.Println("bad", x)
		break
	}
}
