package main

// Go 1.22's range over an integer (go1.19 rejects it).

import "fmt"

type N int

func main() {
	for i := range 3 {
		fmt.Print(i, " ")
	}
	var n N = 2
	for i := range n {
		fmt.Printf("%T ", i)
	}
	for range 2 {
		fmt.Print("x")
	}
	var j int64
	for j = range int64(4) {
	}
	fmt.Println(j)
	var fs []func()
	for i := range 3 {
		fs = append(fs, func() { fmt.Print(i) })
	}
	for _, f := range fs {
		f()
	}
	fmt.Println()
	// an untyped constant's default type: rune for 'a' (go.dev/issue/64471)
	for i := range 'c' - 'a' {
		fmt.Printf("%T ", i)
	}
	fmt.Println()
}
