package main

func main() {
	x := 1
	+= 1
	_ = x
}
