package main

func main() {
	x := 0b1021
	println(x)
}
