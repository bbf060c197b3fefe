// variant: p1 GOMAXPROCS=1
package main

import (
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	var rw sync.RWMutex
	var rw2 sync.RWMutex
	var wg sync.WaitGroup
	mu.Lock()
	rw.Lock()
	rw2.RLock()
	go func() { mu.Lock() }()
	go func() { rw.RLock() }()
	go func() { rw2.Lock() }()
	time.Sleep(10 * time.Millisecond)
	wg.Add(1)
	wg.Wait()
}
