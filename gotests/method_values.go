package main

import "fmt"

type Acc struct{ total int }

func (a *Acc) Add(n int) { a.total += n }
func (a Acc) Get() int   { return a.total }

func each(xs []int, f func(int)) {
	for _, x := range xs {
		f(x)
	}
}

func main() {
	a := &Acc{}
	each([]int{1, 2, 3, 4}, a.Add)
	g := a.Get
	a.Add(10)
	fmt.Println(a.Get(), g())
	f := (*Acc).Add
	f(a, 5)
	fmt.Println(a.total)
}
