package main

func main() {
	x := 1
	x = 2
	y := 0
	y++
	z := 3
	z += 1
	f := func() {
		w := 1
		w = 2
	}
	_ = f
}
