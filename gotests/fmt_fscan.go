package main

// fmt.Fscan, Fscanln and Fscanf over io.Readers: a bufio.Reader or strings.Reader (io.RuneScanner)
// gets back the rune read ahead to end an operand, a plain io.Reader loses it (fmt's documented
// behaviour: "one character may be lost between calls"), Fscanln stops at the newline, and the
// errors at the input's end are Go's (EOF before the first operand, unexpected EOF inside one).

import (
	"bufio"
	"fmt"
	"strings"
)

// byteReader is a plain io.Reader giving one byte per Read.
type byteReader struct {
	s     string
	i     int
	reads int
}

func (b *byteReader) Read(p []byte) (int, error) {
	b.reads++
	if b.i >= len(b.s) {
		return 0, fmt.Errorf("EOF from byteReader")
	}
	p[0] = b.s[b.i]
	b.i++
	return 1, nil
}

func main() {
	in := bufio.NewReader(strings.NewReader("3\n10 20 30\nname 7\nx"))
	var n int
	fmt.Println(fmt.Fscan(in, &n))
	xs := make([]int, n)
	for i := range xs {
		fmt.Fscan(in, &xs[i])
	}
	var name string
	var k int
	c, err := fmt.Fscanln(in, &name, &k)
	fmt.Println(xs, name, k, c, err)
	rest, _ := in.ReadString(0)
	fmt.Printf("rest %q\n", rest)

	br := &byteReader{s: "12,34;56 78"}
	var a, b int
	fmt.Println(fmt.Fscanf(br, "%d,%d", &a, &b))
	fmt.Println(a, b, br.i, br.reads)
	fmt.Println(fmt.Fscan(br, &a, &b))
	fmt.Println(a, b, br.i)
	fmt.Println(fmt.Fscan(br, &a))

	sr := strings.NewReader("1 2\n3")
	var p, q, r int
	fmt.Println(fmt.Fscanln(sr, &p, &q, &r))
	c, err = fmt.Fscanln(sr, &r)
	fmt.Println(c, err, r, sr.Len())
	fmt.Println(fmt.Fscan(strings.NewReader("   "), &p))
	fmt.Println(fmt.Fscan(strings.NewReader("-"), &p))
	var s1, s2 string
	var f float64
	c, err = fmt.Fscanf(strings.NewReader("pi=3.14 ok\n"), "pi=%g %s %s", &f, &s1, &s2)
	fmt.Println(c, err, f, s1)
}
