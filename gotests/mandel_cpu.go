package main

import "fmt"

func main() {
	count := 0
	for y := -1.0; y <= 1.0; y += 0.1 {
		for x := -2.0; x <= 0.5; x += 0.05 {
			zr, zi := 0.0, 0.0
			i := 0
			for ; i < 50 && zr*zr+zi*zi < 4; i++ {
				zr, zi = zr*zr-zi*zi+x, 2*zr*zi+y
			}
			if i == 50 {
				count++
			}
		}
	}
	fmt.Println("inside:", count)
	primes := 0
	for n := 2; n < 2000; n++ {
		isP := true
		for d := 2; d*d <= n; d++ {
			if n%d == 0 {
				isP = false
				break
			}
		}
		if isP {
			primes++
		}
	}
	fmt.Println("primes:", primes)
}
