package main

func main() {
L:
	println(1)
}
