package main

func f(a int) int {
	if a > 0 {
		return 1
	}
}

func main() {
	f(1)
}
