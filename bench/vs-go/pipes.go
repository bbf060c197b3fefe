// vs-go: 9k goroutines each block in a raw syscall.Read on its own empty blocking pipe (syscall.Pipe:
// not in the netpoller), so each holds a thread (9k stays under the default 10000-thread limit); after
// 50 ms main writes one byte to every pipe and waits for the readers (GOMAXPROCS=8).
package main

import (
	"fmt"
	"sync"
	"syscall"
	"time"
)

func main() {
	const n = 9000
	pipes := make([][2]int, n)
	for i := range pipes {
		if err := syscall.Pipe(pipes[i][:]); err != nil {
			panic(err)
		}
	}
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			var b [1]byte
			syscall.Read(pipes[i][0], b[:])
		}(i)
	}
	time.Sleep(50 * time.Millisecond)
	for i := 0; i < n; i++ {
		syscall.Write(pipes[i][1], []byte{1})
	}
	wg.Wait()
	fmt.Println("done", n)
}
