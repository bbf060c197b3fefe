package main

type P struct{ x, y int }

func main() {
	p := (P){1, 2}
	_ = p
}
