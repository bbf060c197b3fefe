package main

import (
	"fmt"
	"time"
)

func work(n int) {
	if n == 3 {
		panic(fmt.Sprintf("bad item %d", n))
	}
}

func main() {
	for i := 0; i < 5; i++ {
		go work(i)
	}
	time.Sleep(100 * time.Millisecond)
	fmt.Println("unreachable")
}
