package main

func main() {
	x := 1 2 3 @ 4
	_ = x
}
