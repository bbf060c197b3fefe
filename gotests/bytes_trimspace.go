// bytes.TrimSpace (bytes.go): ASCII and Unicode white space (U+0085, U+00A0, U+2000, U+3000) at
// both ends, an invalid UTF-8 byte is not space, the result shares the array (a subslice), and
// an all-space or empty input gives nil.
package main

import (
	"bytes"
	"fmt"
)

func main() {
	cases := []string{
		"  hello \t\n",
		"\u00a0\u2000x y\u3000\u0085",
		"\xa0 z \xa0",
		"\xc2",
		" \v\f\r ",
		"",
		"no-space",
		" é ",
	}
	for _, c := range cases {
		t := bytes.TrimSpace([]byte(c))
		fmt.Printf("%q %v %d\n", t, t == nil, len(t))
	}
	b := []byte("  abc  ")
	t := bytes.TrimSpace(b)
	t[0] = 'X'
	fmt.Println(string(b), cap(t))
	fmt.Println(bytes.TrimSpace(nil) == nil)
}
