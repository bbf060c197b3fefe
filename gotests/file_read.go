// gmpsim: GOMAXPROCS=2
package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"syscall"
)

func main() {
	f, err := os.Open("/dev/urandom")
	if err != nil {
		fmt.Println(err)
		return
	}
	var wg sync.WaitGroup
	total := 0
	var mu sync.Mutex
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			buf := make([]byte, 16)
			n, err := f.Read(buf)
			mu.Lock()
			total += n
			mu.Unlock()
			if err != nil {
				fmt.Println(err)
			}
		}()
	}
	wg.Wait()
	f.Close()
	fmt.Println("read", total, "bytes")
	_, err = os.Open("/no/such/file")
	fmt.Println(err)

	fds := make([]int, 2)
	if err := syscall.Pipe(fds); err != nil {
		fmt.Println(err)
		return
	}
	go func() {
		syscall.Write(fds[1], []byte("ping"))
	}()
	b := make([]byte, 8)
	n, _ := syscall.Read(fds[0], b)
	fmt.Println(string(b[:n]))

	os.WriteFile("gmpsim_file_read.txt", []byte("abcdef"), 0644)
	g, _ := os.Open("gmpsim_file_read.txt")
	part := make([]byte, 4)
	for {
		n, err := g.Read(part)
		if err == io.EOF {
			break
		}
		fmt.Printf("%q\n", part[:n])
	}
	os.Remove("gmpsim_file_read.txt")
}
