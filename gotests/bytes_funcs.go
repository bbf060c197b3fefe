package main

// bytes.Split, SplitN, SplitAfter, Fields (unicode.IsSpace runes), Join (empty list: an empty,
// non-nil slice), Repeat (a negative count panics) and bytes.Reader (Read, ReadByte, ReadRune,
// UnreadRune, Len, Size, Seek, io.ReadAll over it, %T).

import (
	"bytes"
	"fmt"
	"io"
)

func main() {
	b := []byte("a,b,,c")
	fmt.Printf("%q %q %q\n", bytes.Split(b, []byte(",")), bytes.SplitN(b, []byte(","), 2), bytes.SplitAfter(b, []byte(",")))
	fmt.Printf("%q %q\n", bytes.Split([]byte("hé"), nil), bytes.Fields([]byte(" x\u00a0y\tz  ")))
	j := bytes.Join([][]byte{[]byte("x"), []byte("y")}, []byte("--"))
	e := bytes.Join(nil, []byte(","))
	fmt.Println(string(j), e == nil, len(e), string(bytes.Repeat([]byte("ab"), 3)))
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		bytes.Repeat([]byte("x"), -1)
	}()
	r := bytes.NewReader([]byte("héllo world"))
	fmt.Printf("%T %d %d\n", r, r.Len(), r.Size())
	c, _ := r.ReadByte()
	ru, n, _ := r.ReadRune()
	fmt.Println(string(c), string(ru), n, r.UnreadRune(), r.Len())
	buf := make([]byte, 4)
	k, err := r.Read(buf)
	fmt.Println(k, err, string(buf[:k]))
	pos, err := r.Seek(-5, io.SeekEnd)
	fmt.Println(pos, err)
	rest, err := io.ReadAll(r)
	fmt.Println(string(rest), err, r.Len())
}
