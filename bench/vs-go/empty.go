// vs-go: the start-up row, an empty main (it only prints the line every vs-go program prints).
package main

import "fmt"

func main() {
	fmt.Println("done", 0)
}
