package main

// go1.19's global math/rand source is seeded with 1 when the program never calls rand.Seed, so
// rand.Intn's numbers are the same on every run (recorded on go1.19 only: go1.20+ seed it randomly).

import (
	"fmt"
	"math/rand"
)

func main() {
	fmt.Println("My favorite number is", rand.Intn(10))
	fmt.Println(rand.Intn(100), rand.Float64(), rand.Perm(5))
}
