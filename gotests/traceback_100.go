package main

// Tracebacks near the cut: a goroutine blocked 97 calls deep when main deadlocks (every goroutine's
// stack is printed), and a panic whose stack is exactly at the limits.

func block(n int, c chan int) {
	if n == 0 {
		<-c
	}
	block(n-1, c)
}

func main() {
	c := make(chan int)
	go block(97, c)
	block(48, c)
}
