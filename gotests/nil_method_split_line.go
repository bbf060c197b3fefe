// A method call on a nil interface whose selector is split over two lines panics at the method
// name's line (test/devirtualization_nil_panics.go).
package main

type A interface{ M() }

func main() {
	var v A
	v.
		M()
}
