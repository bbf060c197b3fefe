package main

func main() {
	x := 0o718
	println(x)
}
