package main

// math.Float32bits / Float32frombits: IEEE 754 binary32 bits (test/map.go of Go's own tests
// builds -0 and NaNs with payloads this way).

import (
	"fmt"
	"math"
)

func main() {
	nz := math.Float32frombits(1 << 31)
	fmt.Println(nz, nz == 0, math.Float32bits(nz), math.Float32bits(1), math.Float32bits(-2.5))
	nan := float32(math.NaN())
	nanb := math.Float32frombits(math.Float32bits(nan) ^ 2)
	fmt.Println(nanb != nanb, math.Float32frombits(0x7f7fffff), math.Float32frombits(1), math.Float32frombits(0x3dcccccd))
	m := map[float32]int{}
	m[0] = 1
	m[nz] = 2
	fmt.Println(len(m), m[0])
}
