// container/heap over a program's heap.Interface (the order of its Less/Swap calls is Go's) and
// container/ring (test/chan/sieve2.go uses both).
package main

import (
	"container/heap"
	"container/ring"
	"fmt"
)

type IntHeap []int

var calls int

func (h IntHeap) Len() int           { return len(h) }
func (h IntHeap) Less(i, j int) bool { calls++; return h[i] < h[j] }
func (h IntHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *IntHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *IntHeap) Pop() any {
	old := *h
	n := len(old)
	x := old[n-1]
	*h = old[:n-1]
	return x
}

func main() {
	h := &IntHeap{5, 2, 8, 1, 9, 3}
	heap.Init(h)
	heap.Push(h, 0)
	(*h)[3] = 7
	heap.Fix(h, 3)
	fmt.Println(heap.Remove(h, 2), *h)
	for h.Len() > 0 {
		fmt.Print(heap.Pop(h), " ")
	}
	fmt.Println("calls:", calls)

	r := ring.New(4)
	for i := 0; i < r.Len(); i++ {
		r.Value = i * i
		r = r.Next()
	}
	r.Do(func(v any) { fmt.Print(v, " ") })
	fmt.Println()
	removed := r.Unlink(2)
	fmt.Println(r.Len(), removed.Len(), r.Next().Value, r.Prev().Value, r.Move(-3).Value)
	var z ring.Ring
	z.Value = "z"
	z.Link(ring.New(2))
	fmt.Println(z.Len(), z.Next().Value)
}
