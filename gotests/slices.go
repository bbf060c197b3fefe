package main

import "fmt"

func main() {
	var s []int
	fmt.Println(s == nil, len(s), cap(s))
	for i := 0; i < 10; i++ {
		s = append(s, i)
		fmt.Print(cap(s), " ")
	}
	fmt.Println()
	t := s[2:5]
	fmt.Println(t, len(t), cap(t))
	t[0] = 100
	fmt.Println(s[2])
	u := make([]int, 3, 10)
	copy(u, s)
	fmt.Println(u)
	u = append(u, 7, 8, 9)
	fmt.Println(u, len(u))
	v := append([]int{}, s[:3]...)
	fmt.Println(v)
	grid := make([][]string, 2)
	for i := range grid {
		grid[i] = make([]string, 2)
		for j := range grid[i] {
			grid[i][j] = fmt.Sprint(i, j)
		}
	}
	fmt.Println(grid)
	b := []byte("hello")
	b[0] = 'H'
	fmt.Println(string(b), b)
	three := s[1:3:4]
	fmt.Println(len(three), cap(three))
	var arr [5]int
	arr[2] = 3
	sl := arr[1:4]
	sl[0] = 9
	fmt.Println(arr, len(arr))
	m := [...]string{"a", "b", "c"}
	fmt.Println(len(m), m)
}
