/**
 * fmt's scanning into integers (fmt/scan.go scanInt/scanUint): the token goes through
 * strconv.ParseInt/ParseUint at 64 bits — their *NumError is the scan's error — and then must fit the
 * operand's size ("integer overflow on token …"); 64-bit operands are exact beyond 2^53.
 *
 * Expected outputs were printed by the same programs built with go1.26.8 (/usr/local/go/bin/go) and
 * go1.19.8 (/usr/lib/go-1.19/bin/go) on the reference machine; both printed the same bytes. Before the
 * fix, Sscan/Sscanf parsed through JS doubles: a uint64 checksum read back with %d lost its low bits
 * (conformance/programs/net_echo_disk.go printed checksum=…350c00 where Go prints …354e3b) and
 * 18446744073709551615 did not scan at all.
 */
import { describe, expect, it } from 'vitest';
import { runGo } from './harness.js';
import type { GoRelease } from '../../src/runtime/version.js';

const roundTrip = `package main

import (
	"fmt"
	"strconv"
)

func checksum(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

func main() {
	c := checksum([]byte("hello world"))
	fmt.Println(c)
	fmt.Printf("%016x %d\\n", c, c)
	s := strconv.FormatUint(c, 10)
	v, err := strconv.ParseUint(s, 10, 64)
	fmt.Println(s, v, err, v == c)
	var sum uint64
	sum += v
	sum += v
	fmt.Printf("%016x\\n", sum)
	var x uint64
	n, _ := fmt.Sscanf("18446744073709551615", "%d", &x)
	fmt.Println(n, x)
	var y uint64
	fmt.Sscan("12345678901234567891", &y)
	fmt.Println(y)
}
`;
const roundTripWant = `8618312879776256743
779a65e7023cd2e7 8618312879776256743
8618312879776256743 8618312879776256743 <nil> true
ef34cbce0479a5ce
1 18446744073709551615
12345678901234567891
`;

const limits = `package main

import "fmt"

func main() {
	var a int8
	n, err := fmt.Sscanf("200", "%d", &a)
	fmt.Println(n, a, err)
	var b uint64
	n, err = fmt.Sscanf("18446744073709551616", "%d", &b)
	fmt.Println(n, b, err)
	var c int64
	n, err = fmt.Sscanf("-9223372036854775808", "%d", &c)
	fmt.Println(n, c, err)
	n, err = fmt.Sscanf("9223372036854775808", "%d", &c)
	fmt.Println(n, c, err)
	var d uint32
	n, err = fmt.Sscan("0x1_0000_0000", &d)
	fmt.Println(n, d, err)
	var e int
	n, err = fmt.Sscan("0x7fff_ffff_ffff_ffff", &e)
	fmt.Println(n, e, err)
	var f uint16
	n, err = fmt.Sscanf("ffff", "%x", &f)
	fmt.Println(n, f, err)
	var g uint64
	n, err = fmt.Sscanf("ffffffffffffffff", "%x", &g)
	fmt.Println(n, g, err)
	var h int64
	n, err = fmt.Sscanf("-8000000000000001", "%x", &h)
	fmt.Println(n, h, err)
}
`;
const limitsWant = `0 0 integer overflow on token 200
0 0 strconv.ParseUint: parsing "18446744073709551616": value out of range
1 -9223372036854775808 <nil>
0 -9223372036854775808 strconv.ParseInt: parsing "9223372036854775808": value out of range
0 0 unsigned integer overflow on token 0x1_0000_0000
1 9223372036854775807 <nil>
1 65535 <nil>
1 18446744073709551615 <nil>
0 0 strconv.ParseInt: parsing "-8000000000000001": value out of range
`;

describe.each(['1.19', '1.26'] as GoRelease[])('fmt scans integers exactly (go%s)', (release) => {
  it('a uint64 beyond 2^53 round-trips through Sprint/Sscan/Sscanf and strconv', () => {
    const { compile, res } = runGo(roundTrip, {}, {}, 20e9, release);
    expect(compile).toBeNull();
    expect(res!.stdout).toBe(roundTripWant);
  });
  it('range and size errors are those of Go: the NumError of strconv at 64 bits, "integer overflow on token" below', () => {
    const { compile, res } = runGo(limits, {}, {}, 20e9, release);
    expect(compile).toBeNull();
    expect(res!.stdout).toBe(limitsWant);
  });
});

/**
 * fmt's %p (fmtPointer): nil slices, maps, channels, funcs and pointers print 0x0, a map an address
 * (it printed as `map[]` before). Printed by go1.26.8 and go1.19.8 alike.
 */
const pointers = `package main

import "fmt"

func main() {
	var s []int
	var m map[int]int
	var c chan int
	var f func()
	var p *int
	fmt.Printf("%p %p %p %p %p\\n", s, m, c, f, p)
	fmt.Printf("%v %v %v %v\\n", s, m, c, p)
	m2 := map[int]int{1: 2}
	fmt.Printf("%t %t\\n", len(fmt.Sprintf("%p", m2)) > 2, fmt.Sprintf("%p", m2)[:2] == "0x")
}
`;
const pointersWant = `0x0 0x0 0x0 0x0 0x0
[] map[] <nil> <nil>
true true
`;

describe.each(['1.19', '1.26'] as GoRelease[])('fmt %p (go%s)', (release) => {
  it('nil reference values print 0x0 and a map prints an address', () => {
    const { compile, res } = runGo(pointers, {}, {}, 20e9, release);
    expect(compile).toBeNull();
    expect(res!.stdout).toBe(pointersWant);
  });
});
