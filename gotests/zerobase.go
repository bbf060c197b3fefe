// Zero-size heap objects share runtime.zerobase: package-level new([0]T) results are equal; from
// go1.2x zero-size package-level variables are there too (test/zerosize.go). Local, non-escaping
// zero-size objects each live on the stack.
package main

var x, y [0]int
var p, q = new([0]int), new([0]int)
var r = &[0]int{}

func main() {
	println(p == q, p == r, &x == p, &y == p)
	a := new([0]int)
	b := new([0]int)
	println(a == b)
}
