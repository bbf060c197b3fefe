package main

func f(a int) int { return a }

func main() {
	f(1, 2)
	f()
}
