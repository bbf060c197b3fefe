package main

func main() {
	x := 0
	if x = x + 1 {
	}
}
