package main

// A compile error: `go run` prints it under # command-line-arguments; go1.19 exits 2, go1.26 exits 1.
func main() {
	x
}
