package main

func main() {
	x := 'ab'
	println(x)
}
