package main

// Method expressions (T.M, (*T).M, promoted, interface I.M) and methods promoted from embedded
// non-struct types (test/method3.go and test/interface/receiver.go of Go's own tests).

import "fmt"

type L []int

func (l L) Len() int { return len(l) }

type N int

func (n N) V() int   { return int(n) * 2 }
func (n *N) P() int  { *n += 1; return int(*n) }
func (n N) Sum(xs ...int) int {
	s := int(n)
	for _, x := range xs {
		s += x
	}
	return s
}

type Pt struct{ X, Y int }

func (p Pt) Add(d int) Pt { p.X += d; return p }
func (p *Pt) Move(d int)  { p.Y += d }

type S struct{ N }
type SP struct{ *N }

type VI interface{ V() int }
type PI interface {
	P() int
	V() int
}

func main() {
	l := L{1, 2, 3}
	fmt.Println(L.Len(l), (*L).Len(&l))
	n := N(5)
	fmt.Println(N.V(n), (*N).V(&n), N.Sum(n, 1, 2, 3))
	fmt.Println((*N).P(&n))
	fmt.Println(n)
	f := (*N).P
	fmt.Println(f(&n))
	fmt.Println(n)
	p := Pt{1, 2}
	fmt.Println(Pt.Add(p, 10), p)
	mv := (*Pt).Move
	mv(&p, 5)
	fmt.Println(p, (*Pt).Add(&p, 1))
	fmt.Println(VI.V(n), VI.V(&n), PI.P(&n))

	var s S
	s.N = 42
	fmt.Println(s.P())
	fmt.Println(s.V(), s.N, S.V(s))
	fmt.Println((*S).P(&s))
	var i interface{} = s
	_, ok := i.(PI)
	_, ok2 := i.(VI)
	i = &s
	_, ok3 := i.(PI)
	fmt.Println(ok, ok2, ok3)
	var pi PI = &s
	fmt.Println(pi.P())
	fmt.Println(pi.V())

	m := N(10)
	sp := SP{&m}
	fmt.Println(sp.P())
	fmt.Println(sp.V(), m, SP.V(sp))
	fmt.Println(SP.P(sp))
	i = sp
	_, ok = i.(PI)
	fmt.Println(ok)
	pi = sp
	fmt.Println(pi.P())
	fmt.Println(pi.V(), m)
}
