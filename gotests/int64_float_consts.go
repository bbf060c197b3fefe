// Integer constants written as floats (1e18) of a 64-bit kind beyond 2^53 (issue 11): one
// representation per value, so ==, map keys and switch cases see the computed values equal.
package main

import "fmt"

const big int64 = 1e18
const ubig uint64 = 1e19

func main() {
	x := int64(999999999999999999)
	x++
	var y int64 = 1e18
	z := int64(2e18)
	fmt.Println(x == big, x == y, y == 1e18, z/2 == big, ubig, ubig == 10000000000000000000, big+1)
	m := map[int64]bool{big: true}
	fmt.Println(m[x], m[y])
	switch x {
	case 1e18:
		fmt.Println("case ok")
	}
}
