package main

// strings' iterators (Go 1.24): Lines keeps each line's newline, SplitSeq and SplitAfterSeq are
// Split and SplitAfter one part at a time (an empty separator: one UTF-8 sequence each), FieldsSeq
// and FieldsFuncSeq are Fields and FieldsFunc; breaking out of the range stops the iterator.

import (
	"fmt"
	"strings"
	"unicode"
)

func main() {
	for l := range strings.Lines("a\nbb\n\nccc") {
		fmt.Printf("%q ", l)
	}
	fmt.Println()
	for p := range strings.SplitSeq("a,b,,c", ",") {
		fmt.Printf("%q ", p)
	}
	fmt.Println()
	for p := range strings.SplitAfterSeq("a--b--c", "--") {
		fmt.Printf("%q ", p)
	}
	fmt.Println()
	for p := range strings.SplitSeq("héllo", "") {
		fmt.Printf("%q ", p)
	}
	fmt.Println()
	for f := range strings.FieldsSeq("  one two\tthree \n") {
		fmt.Printf("%q ", f)
		if f == "two" {
			break
		}
	}
	fmt.Println()
	for f := range strings.FieldsFuncSeq("a1b22c333", unicode.IsDigit) {
		fmt.Printf("%q ", f)
	}
	fmt.Println()
	n := 0
	for range strings.Lines("") {
		n++
	}
	fmt.Println(n)
}
