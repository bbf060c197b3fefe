package main

// fmt's flags as fmt/format.go applies them: a width pads each primitive inside a composite (%-6v
// of a struct pads every field), '0' pads strings, booleans and runes with zeros too (an integer's
// zeros are digits after the sign and before nothing else: %#08x is 0x000000ff; '-' turns '0'
// off), %.0d of 0 prints nothing; %f/%e/%g round ties to even on the exact binary value (%.0f of
// 2.5 is 2); %.0f beyond 1e21 prints every digit; %#q backquotes, %+q escapes non-ASCII, %q
// escapes non-printable runes; %O; %#v of a nil pointer or nil interface inside a composite; %s of
// nil is a bad verb.

import (
	"errors"
	"fmt"
)

type P struct {
	X int
	S string
	F float64
}
type St int

func (s St) String() string { return "st" }

type Inner struct {
	P *P
	I []interface{}
}

func main() {
	p := P{1, "ab", 2.5}
	fmt.Printf("%-6v|%6v|%06v|\n", p, p, p)
	fmt.Printf("%5v|%-4v|\n", []int{1, 22}, []string{"a", "bb"})
	fmt.Printf("%5v|\n", map[string]int{"a": 1, "b": 2})
	fmt.Printf("%5v|%5v|\n", &p, []interface{}{1, "x", nil, St(1), errors.New("e")})
	fmt.Printf("%8v|%-8v|\n", St(2), []St{1, 2})
	fmt.Printf("%5s|%5x|%5q|\n", []byte("ab"), []byte("ab"), []string{"a"})
	fmt.Printf("%#5v|\n", p)
	fmt.Printf("%5v|%5v|\n", [2]bool{true, false}, struct{}{})
	fmt.Printf("%+5v|\n", p)
	fmt.Printf("%6.2f|\n", []float64{1, 2.345})
	fmt.Printf("%#08x|%08x|%#x|%#o|%O|%#X\n", 255, -255, -1, -8, -8, 3054)
	fmt.Printf("%x|%X|% x|%#x\n", "héllo", []byte{}, []byte{1, 2}, "")
	fmt.Printf("%q|%+q|%#q|%#+q|%q\n", "a\x00b\u200b", "日本", "a\tb", "日本`", []byte("x\xffy"))
	fmt.Printf("%q|%+q|%q|%q\n", 'é', 'é', 0x1F600, -1)
	fmt.Printf("%.3q|%.2s|%5.1s|\n", "日本語x", "日本語", "日本語")
	fmt.Printf("%c|%c|%U|%#U|%#U\n", 0x1F600, -1, 0x1F600, 'x', 0x7)
	fmt.Printf("%t|%5t|%v\n", false, true, []bool{true})
	fmt.Printf("%08.3f|%-8.3e|%+.2e|% .1f|%+v\n", -3.14159, 1234.5678, 0.000123, 2.0, -0.0)
	fmt.Printf("%g|%g|%g|%g|%g|%G\n", 100000.0, 1000000.0, 1e-4, 1e-5, 123456789.0, 1e-10)
	fmt.Printf("%v|%v|%v|%.0f|%.1f\n", float32(0.1), 1.0/3, 2.0/3*1e20, 2.5, 0.05)
	fmt.Printf("%6.3v|%.3v|%10.3g|\n", 3.14159, 1234.5678, 0.00012345)
	fmt.Printf("%d|%5d|%-5d|%+d|%x\n", []int8{-1, 2}, int64(-9), uint8(7), []uint{1}, -255)
	fmt.Printf("%s|%v|%d\n", nil, nil, nil)
	fmt.Printf("%!|%z|%-+# 05d\n", 1, 2)
	fmt.Printf("%[2]d %[1]d|%d %d %#[1]x %#x\n", 12, 2, 6, 13)
	fmt.Printf("%v %.2v %10.4v|\n", 1+2i, 3.14159-2.5i, complex64(1))
	fmt.Printf("%05s|%05q|%05v|%05t|%05c|%05x|%05X|%07.2s|%05v|%05v\n", "ab", "ab", "ab", true, 'x', "ab", []byte("ab"), "abc", []byte("ab"), nil)
	fmt.Printf("%-05d|%05.1d|%.0d|%5.0d|%08.3d|%+06d|% 06d\n", 3, 3, 0, 0, -5, 7, 7)
	fmt.Printf("%.0f|%.0f|%.1f|%.2f|%.0e|%.1e|%.3g|%.0f|%.0f\n", 2.5, 3.5, 0.25, 1.005, 2.5, 1.25, 1.0005, 0.5, 1e22)
	fmt.Printf("%010.3f|%-010.2f|%+010.2e|%010v\n", -1.5, 2.0, 3.0, 1e-9)
	fmt.Printf("%#v\n", Inner{nil, []interface{}{1, nil}})
	fmt.Printf("%#q|%#q|%O|%x|%X\n", "plain", "back`tick", 8, "hello", []byte{1, 171})
}
