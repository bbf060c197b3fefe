// Seed 002 (syscalls): processFiles, unmodified, driven by a main that creates the files.
package main

import (
	"fmt"
	"os"
)

var total int

func process(data []byte) { total += len(data) }

// HTTP server: mostly network I/O
// Netpoller handles efficiently, Ms not blocked

// File processing service: blocking I/O
// M handoff ensures other Gs continue
func processFiles(files []string) {
    for _, f := range files {
        data, _ := os.ReadFile(f)  // Blocking, but P handed off
        process(data)
    }
}

func main() {
	var files []string
	for i := 0; i < 5; i++ {
		name := fmt.Sprintf("gmpsim_seed_file_%d.txt", i)
		if err := os.WriteFile(name, []byte(fmt.Sprintf("file %d contents\n", i)), 0644); err != nil {
			fmt.Println(err)
			return
		}
		files = append(files, name)
	}
	processFiles(files)
	fmt.Println("bytes processed:", total)
	_, err := os.ReadFile("does_not_exist.txt")
	fmt.Println(err)
}
