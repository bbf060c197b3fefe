/**
 * go1.26's stack-allocated first append (golang/compiler/escape.ts, VersionProfile.stackAppend): an
 * append whose result does not escape grows an empty slice into a 32-byte stack store — cap
 * 32 / element size — once per call of the function, at the variable's first append site; a slice
 * that escapes (printed with fmt.Println) grows as on go1.19, as does an append of more elements than
 * fit. learngo's slices/exercises/20-observe-the-cap-growth (inancgumus/learngo) printed cap 1 where
 * go1.26.8 prints 4.
 *
 * Expected outputs were printed by this program built with go1.26.8 (/usr/local/go/bin/go) and with
 * go1.19.8 (/usr/lib/go-1.19/bin/go) on the reference machine.
 */
import { describe, expect, it } from 'vitest';
import { runGo } from './harness.js';
import type { GoRelease } from '../../src/runtime/version.js';

const program = `package main

import "fmt"

func a() {
	var s []int
	for i := 0; i < 6; i++ {
		s = append(s, i)
		fmt.Print(cap(s), " ")
	}
	fmt.Println("local")
}

func b() {
	var s []int
	for i := 0; i < 6; i++ {
		s = append(s, i)
		fmt.Print(cap(s), " ")
	}
	fmt.Println("then printed", s)
}

func d() {
	s := make([]byte, 0)
	for i := 0; i < 40; i++ {
		s = append(s, 'x')
		if i%8 == 0 {
			fmt.Print(cap(s), " ")
		}
	}
	fmt.Println("bytes")
}

func e() {
	var s []string
	s = append(s, "a")
	fmt.Print(cap(s), " ")
	s = append(s, "b", "c")
	fmt.Println(cap(s), "strings")
}

func f() {
	var s []int
	s = append(s, 1, 2, 3, 4, 5)
	fmt.Println(cap(s), "five")
}

func g() {
	for i := 0; i < 3; i++ {
		var s []int
		s = append(s, 1)
		fmt.Print(cap(s), " ")
	}
	var t []int
	t = append(t, 1)
	t = nil
	t = append(t, 1)
	fmt.Print(cap(t), " ")
	var u []int
	u = append(u, 1)
	fmt.Print(cap(u), " ")
	u = append(u, 2, 3, 4, 5)
	fmt.Println(cap(u))
}

func main() {
	a()
	b()
	d()
	e()
	f()
	g()
	g()
}
`;
const want: Record<GoRelease, string> = {
  '1.19': `1 2 4 4 8 8 local
1 2 4 4 8 8 then printed [0 1 2 3 4 5]
8 16 32 32 64 bytes
1 3 strings
6 five
1 1 1 1 1 6
1 1 1 1 1 6
`,
  '1.26': `4 4 4 4 8 8 local
1 2 4 4 8 8 then printed [0 1 2 3 4 5]
32 32 32 32 64 bytes
2 4 strings
6 five
4 1 1 1 4 8
4 1 1 1 4 8
`,
};

/**
 * The escape test's scoping and sizes (go1.26.8 only: `range 3` is Go 1.22): a generic function's
 * instances (cap 32 / element size, 1 above 32 bytes), a shadowing variable in an inner block (its own
 * site), an append of the slice's own element, a rune loop (cap 8), a parameter that arrives empty.
 */
const scoping = `package main

import "fmt"

type T struct{ a, b, c, d, e int }

func gen[E any](x E) int {
	var s []E
	s = append(s, x)
	return cap(s)
}

func shadow() {
	var s []int
	s = append(s, 1)
	{
		var s []int
		s = append(s, 2)
		fmt.Print(cap(s), " ")
	}
	fmt.Println(cap(s), "shadow")
}

func self() {
	var s []int
	s = append(s, 7)
	s = append(s, s[0])
	fmt.Println(cap(s), len(s), "self")
}

func big() {
	var s []T
	s = append(s, T{})
	var b []bool
	b = append(b, true)
	var f []float32
	f = append(f, 1)
	var q [][]int
	q = append(q, nil)
	var r []rune
	for _, c := range "héllo" {
		r = append(r, c)
	}
	fmt.Println(cap(s), cap(b), cap(f), cap(q), cap(r), "sizes")
}

func ranged() {
	var s []int
	for i := range 3 {
		s = append(s, i)
	}
	total := 0
	for _, v := range s {
		total += v
	}
	fmt.Println(cap(s), total, "ranged")
}

func param(s []int) {
	s = append(s, 1)
	fmt.Println(cap(s), "param")
}

func main() {
	fmt.Println(gen(1), gen("x"), gen(T{}), "generic")
	shadow()
	self()
	big()
	ranged()
	param(nil)
	param(make([]int, 0, 2))
}
`;
const scopingWant = `4 2 1 generic
4 4 shadow
4 2 self
1 32 8 1 8 sizes
4 3 ranged
4 param
2 param
`;

describe.each(['1.19', '1.26'] as GoRelease[])('append growth from empty (go%s)', (release) => {
  it('caps as the real toolchain prints them', () => {
    const { compile, res } = runGo(program, {}, {}, 20e9, release);
    expect(compile).toBeNull();
    expect(res!.stdout).toBe(want[release]);
  });
});

describe('append growth from empty (go1.26): scoping and element sizes', () => {
  it('each declaration has its own site; sizes as go1.26.8 prints them', () => {
    const { compile, res } = runGo(scoping, {}, {}, 20e9, '1.26');
    expect(compile).toBeNull();
    expect(res!.stdout).toBe(scopingWant);
  });
});
