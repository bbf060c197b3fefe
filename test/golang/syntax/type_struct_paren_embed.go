package main

type E int

type T struct {
	(E)
}

func main() {
}
