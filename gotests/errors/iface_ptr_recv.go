package main

type I interface{ M() }
type T struct{}

func (t *T) M() {}

type U struct{}
type MyInt int

func main() {
	var t T
	var i I = t
	var j I = U{}
	var p I = &t
	a, b := 1, 2
	var s2 string = a+b
	var t2 string = func(x int) int { return x }(a)
	var u string = []int{1,2}[0]
	var m MyInt
	var v string = m
	_, _, _, _, _, _, _ = i, j, p, s2, t2, u, v
}
