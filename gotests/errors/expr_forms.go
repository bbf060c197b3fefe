package main

import "fmt"

func two() (int, int) { return 1, 2 }
func none()           {}

func main() {
	x := 1
	x+1
	var a int = two()
	var b = none()
	fmt.Println(x, a, b)
	y := []int{1,2}[5:3]
	_ = y
	if x+1 {
	}
}
