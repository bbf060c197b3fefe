// Shape: a worker pool reading files: 200 files (4–64 KiB) written first, then 8 workers read them
// (blocking read syscalls, page cache) and checksum them; results over a channel.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

func main() {
	dir, err := os.MkdirTemp("", "whatif-files")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	seed := uint32(12345)
	var names []string
	for i := 0; i < 200; i++ {
		seed = seed*1103515245 + 12345
		size := 4096 + int(seed>>8)%(60*1024)
		b := make([]byte, size)
		for j := range b {
			b[j] = byte(j * i)
		}
		name := filepath.Join(dir, fmt.Sprintf("f%03d", i))
		if err := os.WriteFile(name, b, 0o644); err != nil {
			panic(err)
		}
		names = append(names, name)
	}
	jobs := make(chan string)
	results := make(chan uint32, 8)
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for name := range jobs {
				b, err := os.ReadFile(name)
				if err != nil {
					panic(err)
				}
				var h uint32 = 2166136261
				for _, c := range b {
					h = (h ^ uint32(c)) * 16777619
				}
				results <- h
			}
		}()
	}
	go func() {
		for _, n := range names {
			jobs <- n
		}
		close(jobs)
		wg.Wait()
		close(results)
	}()
	var total uint32
	for h := range results {
		total ^= h
	}
	fmt.Println("checksum", total)
}
