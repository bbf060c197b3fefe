package main

func F[T any](n int) int {
	if n == 0 {
		return 0
	}
	return F[[]T](n-1)
}

func main() { println(F[int](3)) }
