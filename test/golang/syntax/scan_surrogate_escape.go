package main

func main() {
	x := "\uD800"
	println(x)
}
