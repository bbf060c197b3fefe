package main

func main() {
	x := 0x_1_
	println(x)
}
