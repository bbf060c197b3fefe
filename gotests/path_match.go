package main

// path.Match and filepath.Match (path/match.go): stars that do not cross '/', ?, character classes
// with ranges, negation and escapes, a trailing star, and ErrBadPattern for a malformed pattern —
// also when the name already failed to match.

import (
	"fmt"
	"path"
	"path/filepath"
)

func main() {
	cases := [][2]string{
		{"*.go", "main.go"}, {"*.go", "dir/main.go"}, {"*/*.go", "dir/main.go"}, {"a*b*c", "abxbc"},
		{"a*", "a/b"}, {"?at", "cat"}, {"?at", "/at"}, {"[a-c]x", "bx"}, {"[^a-c]x", "bx"}, {"[!a]x", "!x"},
		{"\\*", "*"}, {"[\\]]", "]"}, {"*x", "xxx"}, {"a[", "a"}, {"[]a]", "a"}, {"[a-]", "a"}, {"x\\", "x"},
		{"*", ""}, {"", ""}, {"", "a"}, {"**", "ab"}, {"a*b", "a/b"}, {"[日-本]", "月"}, {"*[", "x"},
	}
	for _, c := range cases {
		m, err := path.Match(c[0], c[1])
		fm, ferr := filepath.Match(c[0], c[1])
		fmt.Printf("%q %q %v %v %v %v\n", c[0], c[1], m, err, fm == m, ferr == err)
	}
	fmt.Println(path.ErrBadPattern == filepath.ErrBadPattern)
}
