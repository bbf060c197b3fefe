// A nil *os.File: os/file.go's methods begin with `if f == nil { return ErrInvalid }`, so a Close
// deferred after a failed Open, or a Read through an io.Reader holding the nil *File, returns
// "invalid argument" (os.ErrInvalid) instead of panicking.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
)

func main() {
	f, err := os.Open("/no/such/dir/file.txt")
	fmt.Println(err != nil, f == nil)
	defer func() { fmt.Println("deferred close:", f.Close()) }()
	fmt.Println(f.Close())
	_, err = f.Read(make([]byte, 8))
	fmt.Println(err, errors.Is(err, os.ErrInvalid))
	_, err = f.Write([]byte("x"))
	fmt.Println(err)
	_, err = f.WriteString("x")
	fmt.Println(err)
	_, err = f.Stat()
	fmt.Println(err)
	_, err = f.Seek(0, io.SeekStart)
	fmt.Println(err)
	var r io.Reader = f
	_, err = r.Read(make([]byte, 8))
	fmt.Println("through io.Reader:", err, err == os.ErrInvalid)
}
