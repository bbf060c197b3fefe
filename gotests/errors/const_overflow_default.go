package main

import "fmt"

func main() {
	const c = 'a' + 1<<40
	fmt.Println(c)
	fmt.Println(1 << 64)
}
