package main

import "fmt"

func sum(nums ...int) int {
	t := 0
	for _, n := range nums {
		t += n
	}
	return t
}

func divmod(a, b int) (int, int) {
	return a / b, a % b
}

func named(x int) (double, triple int) {
	double = x * 2
	triple = x * 3
	return
}

func pair() (string, error) { return "v", nil }

func show(prefix string, vals ...interface{}) {
	fmt.Println(prefix, len(vals), vals)
}

func main() {
	fmt.Println(sum(), sum(1, 2, 3))
	xs := []int{4, 5, 6}
	fmt.Println(sum(xs...))
	q, r := divmod(17, 5)
	fmt.Println(q, r)
	fmt.Println(divmod(9, 2))
	d, t := named(5)
	fmt.Println(d, t)
	s, err := pair()
	fmt.Println(s, err)
	show("p")
	show("q", 1, "a", nil)
	a, b := 1, 2
	a, b = b, a
	fmt.Println(a, b)
}
