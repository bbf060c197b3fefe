package main

func main() {
	x := 1p3
	println(x)
}
