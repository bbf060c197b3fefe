package main

// Unlocking an unlocked sync.Mutex is sync's fatal error, not a panic: the deferred recover does not
// stop it ("fatal error: sync: unlock of unlocked mutex", exit 2).

import (
	"fmt"
	"sync"
)

func main() {
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	var mu sync.Mutex
	mu.Lock()
	mu.Unlock()
	fmt.Println("unlocked once")
	mu.Unlock()
	fmt.Println("not reached")
}
