package main

// math/rand's numbers are Go's own: the global source after rand.Seed(1) (go1.19's default; go1.20+
// seed it randomly, and a GOPATH-mode build keeps rand.Seed working: randseednop=0), and
// rand.New(rand.NewSource(s)) — rngSource's lagged Fibonacci generator and *Rand's derivations
// (Intn, Int63n, Float64, Perm, Shuffle, Uint32, Int31). rand_global_default.go: go1.19 unseeded.

import (
	"fmt"
	"math/rand"
)

func main() {
	rand.Seed(1)
	fmt.Println(rand.Intn(100), rand.Intn(100), rand.Intn(100), rand.Int63(), rand.Float64())
	fmt.Println(rand.Perm(8), rand.Uint32(), rand.Int31(), rand.Int31n(1000), rand.Int63n(1<<40+7))
	s := []string{"a", "b", "c", "d", "e", "f"}
	rand.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	fmt.Println(s)
	r := rand.New(rand.NewSource(42))
	fmt.Println(r.Intn(10), r.Intn(1000000), r.Int63(), r.Float64(), r.Intn(1<<40))
	r2 := rand.New(rand.NewSource(-5))
	fmt.Println(r2.Int63n(1000), r2.Int31n(64), r2.Perm(5))
	r3 := rand.New(rand.NewSource(0))
	fmt.Println(r3.Int(), r3.Uint32())
	sum := 0
	for i := 0; i < 100000; i++ {
		sum += r.Intn(7)
	}
	fmt.Println(sum)
}
