// A constant expression of a typed integer type must fit the type (spec, "Constant expressions"):
// uint8(255) + 1 is the error `(constant 256 of type uint8) overflows uint8`, not a wrapped 0.
package main

import "fmt"

func main() {
	fmt.Println(uint8(255) + 1)
}
