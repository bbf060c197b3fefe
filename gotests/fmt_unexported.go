package main

// fmt prints a value reached through an unexported struct field without its String/Error
// methods, also inside it (slices, maps): reflect cannot call them (CanInterface is false), so
// {d: time.Second} prints {1000000000}; exported fields, and Println of the value itself, use them.

import (
	"errors"
	"fmt"
	"time"
)

type Lvl int

func (l Lvl) String() string { return "L" + fmt.Sprint(int(l)) }

type T struct {
	d   time.Duration
	D   time.Duration
	l   Lvl
	L   Lvl
	Err error
	ls  []Lvl
	Ls  []Lvl
	m   map[Lvl]Lvl
}

type PS struct{ n int }

func (p *PS) String() string { return "PS!" }

type W struct {
	P  PS
	PP *PS
	p  *PS
}

func main() {
	t := T{time.Second, time.Second, 1, 2, errors.New("E"), []Lvl{3}, []Lvl{4}, map[Lvl]Lvl{5: 6}}
	fmt.Println(t)
	fmt.Printf("%v\n%+v\n", t, t)
	fmt.Println([]PS{{1}}, []*PS{{2}})
	w := W{PS{1}, &PS{2}, nil}
	fmt.Printf("%v %+v\n", w.P, w.PP)
	fmt.Println(struct{ x, Y Lvl }{7, 8})
	fmt.Println(map[Lvl]string{1: "a"}, [1]Lvl{9})
}
