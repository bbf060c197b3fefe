package main

const (
	a = iota
	b = missing
)

func main() {
	println(a)
}
