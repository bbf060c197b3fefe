package main

import "fmt"

func main() {
	fmt.Println("hello, world")
	fmt.Println(1, 2.5, true, "s", 'x', nil)
	fmt.Print("a", "b", 1, 2, "c\n")
	fmt.Printf("%d %s %v %q %x %5d|%-5d|%05d %t %c %U\n", 42, "str", 3.25, "q", 255, 7, 7, 7, false, 'G', 0x1F600)
	fmt.Printf("%8.3f|%-8.2f|%e|%g|%T %T %T\n", 3.14159, 2.5, 123456.789, 1e21, 1, "s", 2.0)
}
