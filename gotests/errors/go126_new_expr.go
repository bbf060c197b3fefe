// new(expr) is Go 1.26: go1.19 says the argument is not a type, go1.26 runs the program.
package main

import "fmt"

func main() {
	x := 7
	p := new(x)
	fmt.Println(*p)
}
