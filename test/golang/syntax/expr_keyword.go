package main

func main() {
	x := for
	_ = x
}
