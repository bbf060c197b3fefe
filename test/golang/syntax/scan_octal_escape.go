package main

func main() {
	x := "\777"
	println(x)
}
