package main

import "fmt"

type Node struct {
	Val  int
	Next *Node
}

func inc(p *int) { *p++ }

func push(head *Node, v int) *Node { return &Node{Val: v, Next: head} }

func main() {
	x := 1
	inc(&x)
	inc(&x)
	fmt.Println(x)
	p := &x
	*p = 10
	fmt.Println(x, *p)
	var head *Node
	for i := 0; i < 4; i++ {
		head = push(head, i)
	}
	for n := head; n != nil; n = n.Next {
		fmt.Print(n.Val, " ")
	}
	fmt.Println()
	q := new(int)
	*q = 5
	fmt.Println(*q)
	arr := [3]int{1, 2, 3}
	pa := &arr[1]
	*pa = 20
	fmt.Println(arr)
	type S struct{ A int }
	s := S{1}
	ps := &s
	ps.A = 7
	s2 := s
	s2.A = 8
	fmt.Println(s.A, s2.A, ps.A)
	var np *Node
	fmt.Println(np == nil, head != nil)
}
