package main

import "fmt"

func classify(n int) string {
	switch {
	case n < 0:
		return "neg"
	case n == 0:
		return "zero"
	case n < 10:
		return "small"
	default:
		return "big"
	}
}

func main() {
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 2 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			fmt.Println(i, j)
		}
	}
	for _, n := range []int{-1, 0, 5, 50} {
		fmt.Print(classify(n), " ")
	}
	fmt.Println()
	switch x := 2; x {
	case 1, 2:
		fmt.Println("one or two")
		fallthrough
	case 3:
		fmt.Println("fell through")
	case 4:
		fmt.Println("no")
	}
	i := 0
	for {
		i++
		if i%2 == 0 {
			continue
		}
		if i > 7 {
			break
		}
		fmt.Print(i, " ")
	}
	fmt.Println()
	for i < 20 {
		i += 5
	}
	fmt.Println(i)
	switch s := "go"; s {
	case "rust":
	default:
		fmt.Println("default", s)
	}
}
