package main

func main() {
L:
	switch {
	default:
		for {
			continue L
		}
	}
}
