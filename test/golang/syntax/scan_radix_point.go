package main

func main() {
	x := 0b1.0
	println(x)
}
