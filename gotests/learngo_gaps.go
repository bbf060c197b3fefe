// Library members and formatting that learngo's programs (github.com/inancgumus/learngo, run outside the
// repository, session 9) found missing: %#v of unsigned integers is hex Go syntax (0x0, []uint16{0x7},
// also inside arrays, structs and map keys), math.Pow10 (Go's table method, last bit included),
// math.SmallestNonzeroFloat32, strings.Title.
package main

import (
	"fmt"
	"math"
	"strings"
)

type U uint16

func main() {
	fmt.Printf("%#v %#v %#v %#v %#v\n", uint8(0), uint(5), U(255), uintptr(16), []byte{1, 2})
	fmt.Printf("%#v %#v\n", [2]uint8{}, struct{ A uint32 }{7})
	fmt.Printf("%#v\n", map[uint]int{3: 4})
	fmt.Printf("%v %x %d %#x %#o\n", uint8(10), uint8(10), uint(10), uint(10), uint(8))
	fmt.Printf("%#v %#v %#v %#v\n", int8(-3), []uint16{7}, 1.0, -7)
	fmt.Println(math.SmallestNonzeroFloat32, float32(math.SmallestNonzeroFloat32) > 0)
	for _, n := range []int{0, 1, 22, 23, 31, 32, 33, 63, 100, 200, 255, 300, 308, 309, -1, -22, -23, -33, -300, -320, -323, -324} {
		fmt.Println(n, math.Pow10(n))
	}
	fmt.Println(strings.Title("hello wide world"), strings.Title("o'neil is_here x-ray 3d émile"), strings.Title(""))
}

func init() {
	var nb []byte
	var nm map[string]bool
	type T struct {
		B []byte
		M map[string]int
	}
	fmt.Printf("%#v %#v %#v %#v\n", nb, nm, map[string]int{"b": 2, "a": 1}, T{[]byte{9}, map[string]int{"k": 1}})
	fmt.Printf("%v %v\n", nm, map[string]int{"b": 2, "a": 1})
}

func init() {
	fmt.Printf("% x|%x|% X|%#x|% #x|%.2x|%8x|%-8x|%x|% x|\n", "öykü", []byte("ab"), "ab", "ab", []byte("abc"), "abcdef", "ab", "ab", "", []byte{})
}
