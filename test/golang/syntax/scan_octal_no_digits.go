package main

func main() {
	x := 0o
	println(x)
}
