package main

import "fmt"

const x int = 300
const f = float64(2.5)
const g float64 = 3

func main() {
	a := int8(  x)
	b := int(  f)
	d := int(g)
	e := int(  1+2i)
	h := complex64(  x)
	k := int(  2.5)
	l := string(   []float64{1})
	fmt.Println(a, b, d, e, h, k, l)
}
