package main

// bufio.Reader's ReadRune/UnreadRune and ReadByte/UnreadByte (bufio.go lastByte, lastRuneSize):
// multi-byte runes, an invalid byte as RuneError of size 1, UnreadRune only right after a
// ReadRune, UnreadByte after any read that returned bytes, EOF at the end.

import (
	"bufio"
	"fmt"
	"strings"
)

func main() {
	r := bufio.NewReader(strings.NewReader("aé世\xffz"))
	for {
		c, size, err := r.ReadRune()
		if err != nil {
			fmt.Println(err)
			break
		}
		fmt.Printf("%q %d ", c, size)
	}
	fmt.Println()
	r = bufio.NewReader(strings.NewReader("héllo\nworld"))
	c, _, _ := r.ReadRune()
	fmt.Println(string(c), r.UnreadRune(), r.UnreadRune())
	b, _ := r.ReadByte()
	fmt.Println(b, r.UnreadByte(), r.UnreadByte())
	line, _ := r.ReadString('\n')
	fmt.Printf("%q %v ", line, r.UnreadRune())
	fmt.Println(r.UnreadByte())
	b, _ = r.ReadByte()
	fmt.Println(string(b))
	c, _, _ = r.ReadRune()
	fmt.Println(string(c))
	buf := make([]byte, 3)
	n, _ := r.Read(buf)
	fmt.Println(n, string(buf[:n]), r.UnreadByte())
	b, _ = r.ReadByte()
	fmt.Println(string(b))
	_, err := r.Peek(1)
	fmt.Println(err, r.UnreadByte())
}
