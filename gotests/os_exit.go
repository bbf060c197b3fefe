package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("not printed")
	fmt.Println("exiting")
	fmt.Fprintln(os.Stderr, "to stderr")
	os.Exit(3)
}
