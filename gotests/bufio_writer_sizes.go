// A bufio.Writer hands its buffer to the underlying writer in whole buffers (bufio.go Writer.Write):
// the write sizes the underlying writer sees, with the default size and NewWriterSize's, a large
// Write into an empty buffer going straight through; Buffered, Available, Size; NewReaderSize
// (learngo's x-tba/slicing-allocs-gotcha, session 9). The sizes decide how many write(2) calls a
// program makes through bufio, which the scheduler model sees.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

type rec struct{ sizes []int }

func (r *rec) Write(p []byte) (int, error) {
	r.sizes = append(r.sizes, len(p))
	return len(p), nil
}

func main() {
	r := &rec{}
	w := bufio.NewWriter(r)
	fmt.Println(w.Size(), w.Available(), w.Buffered())
	for i := 0; i < 10; i++ {
		w.WriteString(strings.Repeat("x", 1000))
	}
	fmt.Println(w.Buffered(), w.Available(), r.sizes)
	w.Write(make([]byte, 9000))
	fmt.Println(w.Buffered(), r.sizes)
	w.Flush()
	fmt.Println(r.sizes)
	r2 := &rec{}
	w2 := bufio.NewWriterSize(r2, 100)
	w2.Write(make([]byte, 250))
	w2.WriteString(strings.Repeat("y", 250))
	w2.Flush()
	fmt.Println(w2.Size(), r2.sizes)
	fmt.Println(bufio.NewWriterSize(r2, 0).Size(), bufio.NewWriterSize(r2, -3).Size())
	br := bufio.NewReaderSize(strings.NewReader("line one\nline two\n"), 4)
	l, err := br.ReadString('\n')
	fmt.Printf("%q %v\n", l, err)
	out := bufio.NewWriterSize(os.Stdout, 64)
	fmt.Fprintf(out, "%s\n", strings.Repeat("z", 100))
	out.Flush()
}
