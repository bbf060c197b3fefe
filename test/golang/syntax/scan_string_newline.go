package main

func main() {
	x := "abc
	println(x)
}
