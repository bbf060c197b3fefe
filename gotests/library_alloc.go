// What the standard library allocates, per call, as TotalAlloc counts it (runtime.MemStats), and a
// string concatenation (one concatstrings call of all its operands, rounded to a size class): the
// garbage a program makes through os, io, bufio, strings, strconv, bytes, errors and fmt drives the
// GC's pacing as much as its own make/new. The Go frontend counts each library allocation with the
// size of Go's own object, rounded to its size class (src/golang/rt/malloc.ts mallocLib). Paths and
// tokens are 16 bytes or longer (shorter pointer-free objects share the tiny allocator's 16-byte
// blocks, which the model approximates), and every result is kept in a package variable so that it
// escapes as it does in a real program.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
)

var (
	sinkB  []byte
	sinkS  string
	sinkSS []string
	sinkE  error
	sinkI  os.FileInfo
	sinkR  *bufio.Reader
	sinkW  *bufio.Writer
	sinkF  *os.File
	parts  = []string{"alpha", "beta", "gamma"}
)

// allocated: the bytes TotalAlloc grew by over n calls of f.
func allocated(n int, f func(i int)) uint64 {
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	for i := 0; i < n; i++ {
		f(i)
	}
	runtime.ReadMemStats(&m1)
	return m1.TotalAlloc - m0.TotalAlloc
}

// measure: per call in bytes, rounded.
func measure(name string, n int, f func(i int)) {
	fmt.Printf("%s %d\n", name, (allocated(n, f)+uint64(n/2))/uint64(n))
}

// measureKiB: per call in KiB, for calls whose garbage starts GC cycles (the cycles' own few
// allocations differ from run to run).
func measureKiB(name string, n int, f func(i int)) {
	fmt.Printf("%s %d KiB\n", name, allocated(n, f)/uint64(n)/1024)
}

func main() {
	dir, err := os.MkdirTemp("", "liballoc")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	if err := os.Chdir(dir); err != nil {
		panic(err)
	}
	const small, big = "a-small-file.dat", "a-much-bigger-file.dat" // 16 and 22 bytes
	os.WriteFile(small, make([]byte, 1000), 0o600)
	os.WriteFile(big, make([]byte, 100000), 0o600)
	text := strings.Repeat("a line of some text\n", 100)
	measure("open_close", 1000, func(i int) { f, _ := os.Open(small); f.Close() })
	measure("stat", 1000, func(i int) { sinkI, _ = os.Stat(big) })
	f, _ := os.Open(small)
	measure("fstat", 1000, func(i int) { sinkI, _ = f.Stat() })
	f.Close()
	measure("readfile_1000", 1000, func(i int) { sinkB, _ = os.ReadFile(small) })
	measureKiB("readfile_100000", 300, func(i int) { sinkB, _ = os.ReadFile(big) })
	measure("readall_2000", 1000, func(i int) { sinkB, _ = io.ReadAll(strings.NewReader(text)) })
	measure("bufio_newreader", 1000, func(i int) { sinkR = bufio.NewReader(nil) })
	measure("bufio_newwriter", 1000, func(i int) { sinkW = bufio.NewWriter(nil) })
	measureKiB("bufio_newreadersize", 1000, func(i int) { sinkR = bufio.NewReaderSize(nil, 100000) })
	r := bufio.NewReader(strings.NewReader(strings.Repeat(text, 100)))
	measure("readstring_20", 1000, func(i int) { sinkS, _ = r.ReadString('\n') })
	measure("readbytes_20", 1000, func(i int) { sinkB, _ = r.ReadBytes('\n') })
	measure("itoa_5", 10000, func(i int) { sinkS = strconv.Itoa(10000 + i) })
	measure("itoa_2", 10000, func(i int) { sinkS = strconv.Itoa(i % 100) })
	measure("formatint_20", 10000, func(i int) { sinkS = strconv.FormatInt(int64(i)+1<<62, 10) })
	measure("split_4", 10000, func(i int) { sinkSS = strings.Split("a,b,c,d", ",") })
	measure("fields_3", 10000, func(i int) { sinkSS = strings.Fields("a b  c") })
	measure("join_3", 10000, func(i int) { sinkS = strings.Join(parts, "--") })
	measure("join_1", 10000, func(i int) { sinkS = strings.Join(parts[:1], "--") })
	measure("repeat_20", 10000, func(i int) { sinkS = strings.Repeat("ab", 10) })
	measure("toupper_20", 10000, func(i int) { sinkS = strings.ToUpper("hello world, hello!") })
	measure("toupper_same", 10000, func(i int) { sinkS = strings.ToUpper("HELLO WORLD, HELLO!") })
	measure("replace_20", 10000, func(i int) { sinkS = strings.Replace("hello world, hello!", "o", "0", -1) })
	measure("replace_none", 10000, func(i int) { sinkS = strings.Replace("hello world, hello!", "x", "0", -1) })
	measure("trimspace", 10000, func(i int) { sinkS = strings.TrimSpace("  hi  ") })
	measure("errors_new", 10000, func(i int) { sinkE = errors.New("x") })
	line := strings.Repeat("x", 240)
	measure("concat_241", 1000, func(i int) { sinkS = line + "\n" })
	measure("concat3_481", 1000, func(i int) { sinkS = line + "\n" + line })
	measure("concat_empty", 1000, func(i int) { sinkS = line + "" })
	measure("buffer_1000", 1000, func(i int) {
		var b bytes.Buffer
		for j := 0; j < 100; j++ {
			b.WriteString("0123456789")
		}
		sinkB = b.Bytes()
	})
	measure("builder_1000", 1000, func(i int) {
		var b strings.Builder
		for j := 0; j < 100; j++ {
			b.WriteString("0123456789")
		}
		sinkS = b.String()
	})
	measure("builder_grow", 1000, func(i int) {
		var b strings.Builder
		b.Grow(1000)
		for j := 0; j < 100; j++ {
			b.WriteString("0123456789")
		}
		sinkS = b.String()
	})
	measure("scanner_lines", 100, func(i int) {
		s := bufio.NewScanner(strings.NewReader(text))
		for s.Scan() {
			sinkS = s.Text()
		}
	})
}
