package main

// cgo's numeric types: C.int is main._Ctype_int (int32 beneath), C.uint main._Ctype_uint (uint32),
// C.long int64, C.ulong and C.size_t uint64, C.char int8, C.uchar uint8, C.short int16, C.double
// float64, C.float float32. Conversions wrap as Go's do.

import "C"
import "fmt"

func main() {
	x := 7
	var big int64 = 1<<40 + 5
	fmt.Printf("%T %v\n", C.int(x), C.int(x))
	fmt.Printf("%T %v\n", C.uint(x), C.uint(-x))
	fmt.Printf("%T %v\n", C.long(big), C.long(big))
	fmt.Printf("%T %v\n", C.ulong(x), C.ulong(x))
	fmt.Printf("%T %v\n", C.size_t(x), C.size_t(x))
	fmt.Printf("%T %v\n", C.char(x), C.char(200+x))
	fmt.Printf("%T %v\n", C.uchar(x), C.uchar(300+x))
	fmt.Printf("%T %v\n", C.short(x), C.short(70000+x))
	fmt.Printf("%T %v\n", C.double(x)/2, C.double(x)/2)
	fmt.Printf("%T %v\n", C.float(0.1), C.float(0.1))
	var n C.int = 3
	fmt.Println(int(n)*2, n+C.int(x))
}
