// strings.Map, IndexFunc, LastIndexFunc, FieldsFunc, TrimFunc, TrimLeftFunc, TrimRightFunc with the
// program's own funcs and library funcs as values, and io.Copy (learngo's advfuncs/03-func-to-func and
// interfaces/14-io-reusable, session 9).
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"
)

type upper struct{ w io.Writer }

func (u upper) Write(p []byte) (int, error) {
	return u.w.Write([]byte(strings.ToUpper(string(p))))
}

type short struct{}

func (short) Write(p []byte) (int, error) { return len(p) - 1, nil }

func main() {
	rot := func(r rune) rune {
		if r >= 'a' && r <= 'z' {
			return 'a' + (r-'a'+13)%26
		}
		if r == '!' {
			return -1
		}
		return r
	}
	fmt.Println(strings.Map(rot, "hello, world!"), strings.Map(unicode.ToUpper, "öykü x\xff"))
	isSep := func(r rune) bool { return r == ',' || unicode.IsSpace(r) }
	fmt.Printf("%q\n", strings.FieldsFunc("  a,b ,, c\td ", isSep))
	fmt.Println(strings.IndexFunc("abc1d2", unicode.IsDigit), strings.LastIndexFunc("abc1d2x", unicode.IsDigit), strings.IndexFunc("abc", unicode.IsDigit))
	fmt.Printf("%q %q %q\n", strings.TrimFunc("123abc456", unicode.IsDigit), strings.TrimLeftFunc("123abc456", unicode.IsDigit), strings.TrimRightFunc("123abc456", unicode.IsDigit))
	fmt.Printf("%q\n", strings.TrimFunc("1234", unicode.IsDigit))
	n, err := io.Copy(upper{os.Stdout}, strings.NewReader("copied through a writer\n"))
	fmt.Println(n, err)
	big := strings.Repeat("0123456789", 7000)
	var sb strings.Builder
	n, err = io.Copy(&sb, strings.NewReader(big))
	fmt.Println(n, err, sb.Len() == len(big))
	n, err = io.Copy(short{}, strings.NewReader("abc"))
	fmt.Println(n, err, err == io.ErrShortWrite)
}

func init() {
	var sb strings.Builder
	n, err := io.CopyN(&sb, strings.NewReader("0123456789"), 4)
	fmt.Println(n, err, sb.String())
	n, err = io.CopyN(&sb, strings.NewReader("ab"), 5)
	fmt.Println(n, err, sb.String())
	n, err = io.CopyN(&sb, strings.NewReader(strings.Repeat("z", 70000)), 40000)
	fmt.Println(n, err, sb.Len())
	n, err = io.CopyN(&sb, strings.NewReader("q"), 0)
	fmt.Println(n, err)
}
