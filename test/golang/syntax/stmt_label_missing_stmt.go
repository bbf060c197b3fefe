package main

func main() {
	switch 1 {
	case 1:
	L:
	case 2:
	}
}
