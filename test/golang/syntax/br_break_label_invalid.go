package main

func main() {
L:
	println(1)
	for {
		break L
	}
}
