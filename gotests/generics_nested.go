package main

import (
	"fmt"
	"sync"
)

// Recursion into a different instance whose argument does not derive from T: finite, not a cycle.
func Depth[T any](x T, n int) string {
	if n == 0 {
		return fmt.Sprintf("%T", x)
	}
	return Depth[[]int]([]int{n}, n-1) + " " + Depth([]string{"a"}, 0)
}

type Queue[T any] struct {
	mu    sync.Mutex
	items []T
}

func (q *Queue[T]) Put(v T) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.items = append(q.items, v)
}

func (q *Queue[T]) Take() T {
	q.mu.Lock()
	defer q.mu.Unlock()
	v := q.items[0]
	q.items = q.items[1:]
	return v
}

func Fill[T any](q *Queue[T], v T, n int, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < n; i++ {
		q.Put(v)
	}
}

func main() {
	fmt.Println(Depth(1, 2))
	type Local[T any] struct{ v T }
	l := Local[string]{"x"}
	fmt.Printf("%T %v %+v\n", l, l, Local[int]{})
	var q Queue[int]
	var wg sync.WaitGroup
	wg.Add(2)
	go Fill(&q, 1, 3, &wg)
	go Fill[int](&q, 2, 3, &wg)
	wg.Wait()
	sum := 0
	for len(q.items) > 0 {
		sum += q.Take()
	}
	fmt.Println(sum, len(q.items))
	q.Take()
}
