// []byte values through every path that creates, grows, copies or converts them (the frontend backs
// them with a Uint8Array: src/golang/rt/slices.ts): make, append growth, overlapping copy both ways,
// string conversions, uint8 wrap-around, range, sort, fmt verbs, pointers to elements, slices of
// arrays, file reads and bufio.
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

type blob []byte

func main() {
	b := make([]byte, 4, 6)
	for i := range b {
		b[i] = byte(250 + i) // 250..253
	}
	b[3] += 10 // wraps to 7
	fmt.Println(b, len(b), cap(b))
	b = append(b, 1, 2)
	c := b
	b = append(b, 3) // grows: a new array
	b[0] = 9
	fmt.Println(b, c, cap(b) >= 7)
	var n []byte
	n = append(n, "héllo"...)
	fmt.Println(n, string(n), len(n))
	s := []byte("abcdefgh")
	copy(s[2:], s) // overlapping, forward
	fmt.Println(string(s))
	s = []byte("abcdefgh")
	copy(s, s[3:]) // overlapping, backward
	fmt.Println(string(s))
	fmt.Println(copy(s, "XY"), string(s))
	var arr [5]byte
	as := arr[1:4]
	as[0] = 'q'
	as = append(as, 'r')
	fmt.Println(arr, as, string(as))
	p := &s[1]
	*p = '!'
	*p -= 1
	fmt.Println(string(s), s[1])
	sum := 0
	for i, v := range []byte{3, 1, 2} {
		sum += i * int(v)
	}
	fmt.Println(sum)
	u := []byte("zebra")
	sort.Slice(u, func(i, j int) bool { return u[i] < u[j] })
	fmt.Printf("%s %x %X %v %q %d\n", u, u, u[:2], u[:3], u, u[0])
	var bl blob = make(blob, 3)
	bl[1] = 0xff
	bl[1]++
	fmt.Println(bl, len(bl))
	fmt.Println(bytes.Equal([]byte("ab"), []byte{'a', 'b'}), strings.Repeat(string(u[:1]), 3))
	big := make([]byte, 1<<20)
	big[len(big)-1] = 7
	big2 := append(big[:10:10], big[len(big)-1])
	fmt.Println(len(big), big[len(big)-1], big2[10], len(big2))
	var nilb []byte
	fmt.Println(nilb == nil, len(nilb), string(nilb) == "")

	dir, err := os.MkdirTemp("", "byteslices")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	name := filepath.Join(dir, "f")
	if err := os.WriteFile(name, []byte("line one\nline two\n"), 0o644); err != nil {
		panic(err)
	}
	data, _ := os.ReadFile(name)
	fmt.Println(len(data), string(data[:4]))
	f, _ := os.Open(name)
	buf := make([]byte, 6)
	k, _ := f.Read(buf)
	fmt.Println(k, string(buf[:k]), buf)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fmt.Println(sc.Text(), sc.Bytes())
	}
	f.Close()
}
