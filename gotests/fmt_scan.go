// fmt's scanning functions as programs use them to parse text: Sscan (newlines are spaces), Sscanln
// (a newline ends the input), Sscanf (literals and spaces of the format must match), verbs, base
// prefixes, every kind of operand, and the errors with Go's texts.
package main

import (
	"fmt"
	"io"
)

func main() {
	var a, b int
	var s string
	var f float64
	var u uint8
	var ok bool
	var r rune
	var i64 int64

	n, err := fmt.Sscanf("r42", "r%d", &a)
	fmt.Println(n, err, a)
	n, err = fmt.Sscanf("x=3.5 y=hello", "x=%f y=%s", &f, &s)
	fmt.Println(n, err, f, s)
	n, err = fmt.Sscanf("10-20", "%d-%d", &a, &b)
	fmt.Println(n, err, a, b)
	n, err = fmt.Sscanf("(1, 2)", "(%d, %d)", &a, &b)
	fmt.Println(n, err, a, b)
	n, err = fmt.Sscanf("7 8", "%d,%d", &a, &b)
	fmt.Println(n, err, a, b)
	n, err = fmt.Sscanf("abc", "%d", &a)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("", "%d", &a)
	fmt.Println(n, err, err == io.EOF)
	n, err = fmt.Sscanf("12", "%d %d", &a, &b)
	fmt.Println(n, err, err == io.ErrUnexpectedEOF)
	n, err = fmt.Sscanf("1 2", "%d", &a, &b)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("ff 0x1f 101", "%x %v %b", &a, &b, &i64)
	fmt.Println(n, err, a, b, i64)
	n, err = fmt.Sscanf("300", "%d", &u)
	fmt.Println(n, err, u)
	n, err = fmt.Sscanf("true false", "%t %v", &ok, &ok)
	fmt.Println(n, err, ok)
	n, err = fmt.Sscanf("héllo", "%c", &r)
	fmt.Println(n, err, r)
	n, err = fmt.Sscanf("50%", "%d%%", &a)
	fmt.Println(n, err, a)
	n, err = fmt.Sscan("  7\n 8 word 2.5e3", &a, &b, &s, &f)
	fmt.Println(n, err, a, b, s, f)
	n, err = fmt.Sscan("5", &a, &b)
	fmt.Println(n, err)
	n, err = fmt.Sscan("-0x10 0o17 1_000", &a, &b, &i64)
	fmt.Println(n, err, a, b, i64)
	n, err = fmt.Sscanln("1 2\n3", &a, &b)
	fmt.Println(n, err, a, b)
	n, err = fmt.Sscanln("1\n2", &a, &b)
	fmt.Println(n, err)
	n, err = fmt.Sscanln("1 2 3", &a, &b)
	fmt.Println(n, err)
	n, err = fmt.Sscan("nan -inf", &f, &f)
	fmt.Println(n, err, f)
	n, err = fmt.Sscan("1.5x", &f)
	fmt.Println(n, err, f)
	var bs []byte
	n, err = fmt.Sscan("bytes!", &bs)
	fmt.Println(n, err, string(bs))
	n, err = fmt.Sscanf("3.0", "%d", &a)
	fmt.Println(n, err, a)
	n, err = fmt.Sscanf("4", "%s", &a)
	fmt.Println(n, err)
}
