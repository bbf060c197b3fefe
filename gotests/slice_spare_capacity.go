// A slice resliced past its length up to its capacity reads zero values (spec, "Slice expressions":
// the elements of the underlying array): append's grown backing arrays left that spare capacity
// empty, so learngo's 16-slices/19-observe-len-cap printed nothing for a "" and len(z[7]) panicked
// with a nil dereference. Elements of every kind: strings, ints, structs, arrays, complex, pointers,
// and appends of a spread slice.
package main

import "fmt"

func main() {
	var zero []string
	zero = append(zero, "a", "b", "c", "d", "e")
	zero = append(zero, "f")
	fmt.Println(len(zero), cap(zero))
	z := zero[:cap(zero)]
	fmt.Printf("%q %d\n", z, len(z[7]))
	var ints []int
	ints = append(ints, 1, 2, 3)
	ints = append(ints, 4)
	w := ints[:cap(ints)]
	fmt.Println(w, w[3]+1)
	type P struct{ X int }
	var ps []P
	ps = append(ps, P{1})
	ps = append(ps, P{2})
	ps = append(ps, P{3})
	q := ps[:cap(ps)]
	fmt.Println(q, q[3].X)
	var bs []byte
	bs = append(bs, 1, 2, 3)
	bs = append(bs, 4)
	fmt.Println(bs[:cap(bs)], cap(bs))
	var as [][2]int
	as = append(as, [2]int{1, 2})
	as = append(as, [2]int{3, 4}, [2]int{5, 6})
	as = append(as, [2]int{7, 8})
	as2 := as[:cap(as)]
	as2[len(as2)-1][1] = 9
	fmt.Println(as2, len(as2), cap(as2))
	var cs []complex128
	cs = append(cs, 1+2i, 3)
	cs = append(cs, 4)
	fmt.Println(cs[:cap(cs)])
	var pp []*int
	pp = append(pp, nil, new(int))
	pp = append(pp, nil)
	fmt.Println(pp[:cap(pp)][3] == nil)
	var sp []string
	sp = append(sp, []string{"x", "y", "z"}...)
	fmt.Printf("%q\n", sp[:cap(sp)])
	var bl []bool
	bl = append(bl, true)
	fmt.Println(bl[:cap(bl)])
}
