package main

func main() {
	x := 0x
	println(x)
}
