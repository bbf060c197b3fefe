package main

// sync.RWMutex.Unlock of a write lock nobody holds is sync's fatal error (rwmutex.go: "sync: Unlock
// of unlocked RWMutex"), not the inner Mutex's message and not a recoverable panic.

import (
	"fmt"
	"sync"
)

func main() {
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	var rw sync.RWMutex
	rw.RLock()
	rw.RUnlock()
	fmt.Println("read lock released")
	rw.Unlock()
}
