// bytes.Buffer as a reader and a writer (bytes/buffer.go): Write*, Read at the front, io.EOF once
// drained, ReadString/ReadBytes/ReadByte/ReadRune, Next, Truncate, Len, Bytes, String, WriteTo,
// ReadFrom, NewBuffer, the zero value, use through io.Copy and fmt.Fprintf (learngo's
// interfaces/15-png-detector found Bytes missing, session 9).
package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	var b bytes.Buffer
	b.WriteString("hello ")
	b.Write([]byte("world\nsecond line\n"))
	b.WriteByte('!')
	b.WriteRune('é')
	fmt.Println(b.Len(), b.String())
	line, err := b.ReadString('\n')
	fmt.Printf("%q %v %d\n", line, err, b.Len())
	p := make([]byte, 6)
	n, err := b.Read(p)
	fmt.Println(n, err, string(p[:n]), b.Len())
	fmt.Printf("%q\n", b.Next(3))
	c, err := b.ReadByte()
	fmt.Println(c, err)
	rest, err := b.ReadBytes('\n')
	fmt.Printf("%q %v\n", rest, err)
	r, size, err := b.ReadRune()
	fmt.Println(r, size, err)
	r, size, err = b.ReadRune()
	fmt.Println(r, size, err)
	n, err = b.Read(p)
	fmt.Println(n, err, b.Len())
	n, err = b.Read(nil)
	fmt.Println(n, err)
	b2 := bytes.NewBuffer([]byte("abcdef"))
	b2.Truncate(3)
	fmt.Println(b2.String(), string(b2.Bytes()), b2.Len())
	fmt.Fprintf(b2, "-%d-", 42)
	m, err := b2.WriteTo(os.Stdout)
	fmt.Println()
	fmt.Println(m, err, b2.Len())
	var b3 bytes.Buffer
	k, err := b3.ReadFrom(strings.NewReader(strings.Repeat("xy", 600)))
	fmt.Println(k, err, b3.Len())
	var dst bytes.Buffer
	k, err = io.Copy(&dst, bytes.NewBufferString("copied"))
	fmt.Println(k, err, dst.String())
	data, _ := io.ReadAll(&dst)
	fmt.Println(string(data), dst.Len())
	s, err := bytes.NewBufferString("no newline").ReadString('\n')
	fmt.Printf("%q %v\n", s, err)
}
