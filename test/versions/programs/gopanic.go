// variant: p1 GOMAXPROCS=1
package main

import "time"

func worker(n int) {
	if n == 3 {
		panic("boom")
	}
	time.Sleep(time.Hour)
}

func main() {
	for i := 0; i < 4; i++ {
		go worker(i)
	}
	time.Sleep(100 * time.Millisecond)
}
