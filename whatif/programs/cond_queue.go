// Shape (my choice): a bounded queue built on sync.Cond: 4 producers and 4 consumers, 5000 items
// each producer, a queue of 16; consumers do a little CPU per item (Cond waits, Broadcast wakeups).
package main

import (
	"fmt"
	"sync"
)

type queue struct {
	mu       sync.Mutex
	notEmpty *sync.Cond
	notFull  *sync.Cond
	items    []int
	closed   bool
}

func main() {
	q := &queue{}
	q.notEmpty = sync.NewCond(&q.mu)
	q.notFull = sync.NewCond(&q.mu)
	var prod, cons sync.WaitGroup
	var total int64
	var tmu sync.Mutex
	for p := 0; p < 4; p++ {
		prod.Add(1)
		go func(p int) {
			defer prod.Done()
			for i := 0; i < 5000; i++ {
				q.mu.Lock()
				for len(q.items) >= 16 {
					q.notFull.Wait()
				}
				q.items = append(q.items, p*10000+i)
				q.notEmpty.Signal()
				q.mu.Unlock()
			}
		}(p)
	}
	for c := 0; c < 4; c++ {
		cons.Add(1)
		go func() {
			defer cons.Done()
			var sum int64
			for {
				q.mu.Lock()
				for len(q.items) == 0 && !q.closed {
					q.notEmpty.Wait()
				}
				if len(q.items) == 0 {
					q.mu.Unlock()
					break
				}
				v := q.items[0]
				q.items = q.items[1:]
				q.notFull.Signal()
				q.mu.Unlock()
				x := v
				for j := 0; j < 300; j++ {
					x = x*31 + j
				}
				sum += int64(x & 0xff)
			}
			tmu.Lock()
			total += sum
			tmu.Unlock()
		}()
	}
	prod.Wait()
	q.mu.Lock()
	q.closed = true
	q.notEmpty.Broadcast()
	q.mu.Unlock()
	cons.Wait()
	fmt.Println("total", total)
}
