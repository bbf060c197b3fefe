package main

import "fmt"

type S interface{ M() }
type T struct{}

func main() {
	var s S = T{}
	fmt.Println(s)
}
