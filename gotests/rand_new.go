// rand.New(rand.NewSource(seed)): a program's own generator, deterministic per seed (properties of its
// numbers; rand_go_sequence.go checks the numbers themselves); learngo's concurrency/xxx-monte-carlo.
package main

import (
	"fmt"
	"math/rand"
)

func main() {
	r := rand.New(rand.NewSource(42))
	a := r.Intn(100)
	b := r.Float64()
	fmt.Println(a >= 0 && a < 100, b >= 0 && b < 1, len(r.Perm(5)))
	r2 := rand.New(rand.NewSource(42))
	fmt.Println(r2.Intn(100) == a)
	xs := []int{1, 2, 3}
	r.Shuffle(len(xs), func(i, j int) { xs[i], xs[j] = xs[j], xs[i] })
	fmt.Println(len(xs))
	var rr *rand.Rand = r
	_ = rr
}
