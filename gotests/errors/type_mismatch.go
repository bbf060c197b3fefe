package main

import "fmt"

func main() {
	x := 1
	var s string
	s = x
	fmt.Println(s)
}
