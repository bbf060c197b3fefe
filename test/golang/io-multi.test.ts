/**
 * io.MultiReader and io.MultiWriter (io/multi.go), io.LimitReader and io.TeeReader (io/io.go) and io's other
 * interface types (ReadWriter, StringWriter, WriteCloser, …): readers in turn with EOF only after the last, a
 * flattened nested multiReader, an empty MultiReader at EOF; writes to every writer, nested
 * multiWriters flattened, a short write reported as io.ErrShortWrite. learngo's interfaces/16-io-compose
 * (inancgumus/learngo) used io.MultiReader, which gmpsim reported unsupported before.
 *
 * The expected output was printed by this program built with go1.26.8 (/usr/local/go/bin/go) and with
 * go1.19.8 (/usr/lib/go-1.19/bin/go) on the reference machine: the same bytes.
 */
import { describe, expect, it } from 'vitest';
import { runGo } from './harness.js';
import type { GoRelease } from '../../src/runtime/version.js';

const program = `package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
)

type short struct{}

func (short) Write(p []byte) (int, error) { return len(p) / 2, nil }

func main() {
	r := io.MultiReader(strings.NewReader("hello "), strings.NewReader(""), strings.NewReader("world\\n"))
	b, err := io.ReadAll(r)
	fmt.Printf("%q %v\\n", b, err)
	buf := make([]byte, 4)
	r2 := io.MultiReader(strings.NewReader("abc"), strings.NewReader("defgh"))
	for {
		n, err := r2.Read(buf)
		fmt.Printf("%d %q %v\\n", n, buf[:n], err)
		if err != nil {
			break
		}
	}
	var a, c bytes.Buffer
	w := io.MultiWriter(&a, io.MultiWriter(&c, os.Stdout))
	n, err := fmt.Fprintf(w, "to all %d\\n", 3)
	fmt.Println(n, err, a.String() == c.String(), a.Len())
	n, err = io.MultiWriter(&a, short{}).Write([]byte("1234"))
	fmt.Println(n, err)
	n64, err := io.Copy(os.Stdout, io.MultiReader(strings.NewReader("x"), strings.NewReader("y\\n")))
	fmt.Println(n64, err)
	n, err = io.MultiReader().Read(buf)
	fmt.Println(n, err)
}
`;
const want = `"hello world\\n" <nil>
3 "abc" <nil>
4 "defg" <nil>
1 "h" <nil>
0 "" EOF
to all 3
9 <nil> true 9
2 short write
xy
3 <nil>
0 EOF
`;

describe.each(['1.19', '1.26'] as GoRelease[])('io.MultiReader / io.MultiWriter (go%s)', (release) => {
  it('read in turn and write to all as io/multi.go does', () => {
    const { compile, res } = runGo(program, {}, {}, 20e9, release);
    expect(compile).toBeNull();
    expect(res!.stdout).toBe(want);
  });
});

const limitTee = `package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	lr := io.LimitReader(strings.NewReader("hello, world"), 5)
	b, err := io.ReadAll(lr)
	fmt.Printf("%q %v\\n", b, err)
	var log bytes.Buffer
	tr := io.TeeReader(strings.NewReader("tee data"), &log)
	n, err := io.Copy(os.Stdout, tr)
	fmt.Println()
	fmt.Println(n, err, log.String())
	var _ io.Reader = &log
	var w io.StringWriter = &log
	w.WriteString("!")
	var rw io.ReadWriter = &log
	buf := make([]byte, 3)
	k, _ := rw.Read(buf)
	fmt.Println(k, string(buf[:k]), log.String())
	var wc io.WriteCloser = os.Stdout
	fmt.Fprintln(wc, "via WriteCloser")
	lr2 := io.LimitReader(strings.NewReader("abc"), 0)
	k, err = lr2.Read(buf)
	fmt.Println(k, err)
}
`;
const limitTeeWant = `"hello" <nil>
tee data
8 <nil> tee data
3 tee  data!
via WriteCloser
0 EOF
`;

describe.each(['1.19', '1.26'] as GoRelease[])('io.LimitReader / io.TeeReader and the interface types (go%s)', (release) => {
  it('limit, tee and assign through io.StringWriter / io.ReadWriter / io.WriteCloser as Go does', () => {
    const { compile, res } = runGo(limitTee, {}, {}, 20e9, release);
    expect(compile).toBeNull();
    expect(res!.stdout).toBe(limitTeeWant);
  });
});
