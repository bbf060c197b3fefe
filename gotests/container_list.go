package main

// container/list as list.go behaves: New and the zero List, PushFront/PushBack, InsertBefore/After,
// Move*, Remove (of an element of another list: nothing), Next/Prev ending at nil, PushBackList /
// PushFrontList (also of the list itself), and an LRU cache built on it, the common use; %T.

import (
	"container/list"
	"fmt"
)

func dump(l *list.List) {
	for e := l.Front(); e != nil; e = e.Next() {
		fmt.Print(e.Value, " ")
	}
	fmt.Print("| ")
	for e := l.Back(); e != nil; e = e.Prev() {
		fmt.Print(e.Value, " ")
	}
	fmt.Println(l.Len())
}

type LRU struct {
	cap   int
	ll    *list.List
	items map[string]*list.Element
}
type entry struct {
	key string
	val int
}

func (c *LRU) Get(k string) (int, bool) {
	if e, ok := c.items[k]; ok {
		c.ll.MoveToFront(e)
		return e.Value.(*entry).val, true
	}
	return 0, false
}
func (c *LRU) Put(k string, v int) {
	if e, ok := c.items[k]; ok {
		e.Value.(*entry).val = v
		c.ll.MoveToFront(e)
		return
	}
	c.items[k] = c.ll.PushFront(&entry{k, v})
	if c.ll.Len() > c.cap {
		last := c.ll.Back()
		c.ll.Remove(last)
		delete(c.items, last.Value.(*entry).key)
	}
}

func main() {
	l := list.New()
	e4 := l.PushBack(4)
	e1 := l.PushFront(1)
	l.InsertBefore(3, e4)
	l.InsertAfter(2, e1)
	dump(l)
	l.MoveToBack(e1)
	l.MoveToFront(e4)
	dump(l)
	l.MoveBefore(e1, e4)
	l.MoveAfter(e4, e1)
	dump(l)
	fmt.Println(l.Remove(e1), e1.Next(), e1.Prev())
	dump(l)
	var z list.List
	z.PushBack("a")
	other := list.New()
	o := other.PushBack("x")
	fmt.Println(z.Remove(o), z.InsertBefore("no", o) == nil)
	z.PushBackList(other)
	z.PushFrontList(&z)
	dump(&z)
	fmt.Printf("%T %T %v\n", l, l.Front(), l.Front().Value)
	c := &LRU{cap: 2, ll: list.New(), items: map[string]*list.Element{}}
	c.Put("a", 1)
	c.Put("b", 2)
	c.Get("a")
	c.Put("c", 3)
	_, okb := c.Get("b")
	va, oka := c.Get("a")
	fmt.Println(okb, va, oka, c.ll.Len())
	l.Init()
	fmt.Println(l.Len(), l.Front() == nil)
}
