package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

var global int64

func main() {
	var n int32
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				atomic.AddInt32(&n, 1)
				atomic.AddInt64(&global, 2)
			}
		}()
	}
	wg.Wait()
	fmt.Println(atomic.LoadInt32(&n), atomic.LoadInt64(&global))
	var flag int32
	fmt.Println(atomic.CompareAndSwapInt32(&flag, 0, 1), atomic.CompareAndSwapInt32(&flag, 0, 1), flag)
	var a atomic.Int64
	a.Add(5)
	a.Store(a.Load() * 2)
	fmt.Println(a.Load())
}
