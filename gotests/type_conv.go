package main

import "fmt"

type Celsius float64
type ID int

func main() {
	var i int = 300
	g := 3.99
	fmt.Println(uint8(i), int8(i), float64(i)/7, int(g), int(-g))
	var f float64 = 2.75
	u := uint32(1<<32 - 1)
	u++
	fmt.Println(int(f), int64(f*100), u)
	c := Celsius(36.6)
	fmt.Printf("%.1f %T\n", c, c)
	id := ID(7)
	fmt.Println(id+1, string(rune(65)), string(rune(0x4e16)))
	var x uint = 3
	fmt.Println(x-4 > 0, ^0, -5>>1, 5>>1, 1<<x)
	var b byte = 'a'
	b += 2
	fmt.Println(b, string(b))
	var i32 int32 = 2147483647
	i32++
	fmt.Println(i32)
}
