package main

func main() {
	x := "\xg0"
	println(x)
}
