package main

import "fmt"

func main() {
	fmt.Println("start")
	panic(fmt.Sprintf("custom %d", 42))
}
