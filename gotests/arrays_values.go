package main

import "fmt"

type Matrix [2][2]int

func (m Matrix) Mul(o Matrix) Matrix {
	var r Matrix
	for i := 0; i < 2; i++ {
		for j := 0; j < 2; j++ {
			for k := 0; k < 2; k++ {
				r[i][j] += m[i][k] * o[k][j]
			}
		}
	}
	return r
}

func modify(a [3]int) { a[0] = 100 }

func main() {
	a := [3]int{1, 2, 3}
	b := a
	b[0] = 9
	modify(a)
	fmt.Println(a, b, a == [3]int{1, 2, 3})
	m := Matrix{{1, 1}, {1, 0}}
	r := m
	for i := 0; i < 5; i++ {
		r = r.Mul(m)
	}
	fmt.Println(r)
	var grid [3][3]bool
	grid[1][1] = true
	fmt.Println(grid)
	for i, v := range a {
		fmt.Print(i, ":", v, " ")
	}
	fmt.Println(len(grid))
}
