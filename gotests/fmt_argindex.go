// fmt's explicit argument indexes (package fmt doc, "Explicit argument indexes"): %[n]verb, [n]*
// widths and precisions, the "reordered" rule (unused operands are not reported as EXTRA once an index
// was used) and the error texts BADINDEX, BADWIDTH, BADPREC, MISSING, NOVERB. learngo's
// 07-printf/04-coding printed "%![(MISSING)2]v" for "%[2]v".
package main

import "fmt"

func main() {
	fmt.Printf("%s is %d away. Think! %[2]d kms! %[1]s OMG.\n", "venus", 261)
	fmt.Printf("%[2]d %[1]d\n", 11, 22)
	fmt.Printf("%[3]*.[2]*[1]f\n", 12.0, 2, 6)
	fmt.Printf("%d %d %#[1]x %#x\n", 16, 17)
	fmt.Printf("%[5]d\n", 1, 2)
	fmt.Printf("%[0]d|%[x]d|%[1d|%[]d\n", 1)
	fmt.Printf("%[2]2d|%[2].2d\n", 1, 2)
	fmt.Printf("%*d|%-*d|%*d\n", 5, 1, 5, 2, "x", 3)
	fmt.Printf("%.*d|%.*f\n", -1, 7, 2, 3.14159)
	fmt.Printf("%*d\n", 10000000, 1)
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%d\n", 1, 2, "x")
	fmt.Printf("%[1]d\n", 1, 2)
	fmt.Printf("%[2]v %v\n", 1, 2, 3)
	fmt.Printf("%-[1]*d|\n", 4, 9)
	fmt.Printf("%[1]d %%\n", 5)
	fmt.Printf("%!\n")
	fmt.Printf("%")
	fmt.Println()
	fmt.Printf("%[1]")
	fmt.Println()
	fmt.Printf("%[2]*d|\n", 1, 4, 8)
	s := fmt.Sprintf("%6.2[3]f|%[1]*.[2]*[3]f", 3, 1, 2.5)
	fmt.Println(s)
	fmt.Printf("%[1]T %[1]v %[2]q\n", int8(3), "a")
	fmt.Printf("%*d|%.*s|\n", int64(4), 1, uint8(2), "abcdef")
	fmt.Printf("%*s|\n", 3.5, "x")
}
