package main

func main() {
	fmt.Println(1)
}

import "fmt"
