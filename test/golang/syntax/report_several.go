package main

func main() {
	a := 1 2
	b := 3 4
	_, _ = a, b
}
