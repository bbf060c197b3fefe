package main

import "fmt"

func main() {
	fmt.Printf("%E|%e|%.2E|%G|%g|%12.3E|%E\n", 123400000.0, 123400000.0, 0.000123, 1e21, 1e21, -3.5, 0.0)
	for _, r := range []rune{'a', 'ส', '\n', ' ', 0x1F600, 0x7F, 0x10FFFF, 'é'} {
		fmt.Printf("%U|%#U|%q\n", r, r, r)
	}
	fmt.Printf("%#U|%.6U\n", 'x', 'x')
}
