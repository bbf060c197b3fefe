package main

func main() {
	x := "abc
	y := 1 2
	_, _ = x, y
}
