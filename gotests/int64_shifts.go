package main

// Shifts of the 64-bit kinds (issue 11): counts up to and beyond 63, counts of every integer kind
// (a uint64 count beyond 2^53 too), arithmetic vs logical right shifts, and the run-time panic of a
// negative count.

import "fmt"

func shl(x int64, n int) int64   { return x << n }
func shr(x int64, n int) int64   { return x >> n }
func ushr(x uint64, n uint) uint64 { return x >> n }

func main() {
	for _, n := range []int{0, 1, 31, 32, 33, 52, 53, 54, 62, 63, 64, 65, 100} {
		fmt.Println(n, shl(1, n), shl(-1, n), shl(0x123456789, n), shr(-1<<63, n), shr(1<<62+12345, n), ushr(1<<63|5, uint(n)), ushr(^uint64(0), uint(n)))
	}
	var big uint64 = 1 << 60
	var u64 uint64 = 0xFEDCBA9876543210
	fmt.Println(u64<<big, u64>>big, u64<<uint8(4), u64>>int16(60), int64(u64)>>uint32(60))
	r := u64
	r <<= 8
	r >>= 4
	fmt.Println(r)
	var i32 int32 = -5
	var u32 uint32 = 0x80000001
	fmt.Println(i32<<uint64(40), u32<<uint64(1), int8(-128)>>int64(3), u32>>uint64(1<<62))
	fmt.Println(1<<big == 0, int(1)<<62, uint(1)<<63)
	defer func() { fmt.Println("recovered:", recover()) }()
	n := -1
	fmt.Println(shl(1, n))
}
