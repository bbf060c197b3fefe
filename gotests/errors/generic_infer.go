package main

import "fmt"

func Zero[T any]() T {
	var z T
	return z
}

func Conv[To, From any](x From) To {
	var t To
	return t
}

func main() {
	fmt.Println(Zero())
	fmt.Println(Conv(1))
	fmt.Println(Conv[int](1))
}
