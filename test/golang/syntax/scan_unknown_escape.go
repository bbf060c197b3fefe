package main

func main() {
	x := "a\qb"
	println(x)
}
