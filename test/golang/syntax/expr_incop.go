package main

func main() {
	y := 1
	x := ++y
	_ = x
}
