// Package unicode's classes and case mappings, unicode/utf8's RuneCount, DecodeLastRune(InString),
// Valid(String), ValidRune, EncodeRune, AppendRune, RuneStart, strconv's Append functions and
// ioutil.ReadDir: members learngo's programs (written by others, session 9) use.
package main

import (
	"fmt"
	"io/ioutil"
	"os"
	"strconv"
	"unicode"
	"unicode/utf8"
)

func main() {
	for _, r := range []rune{'a', 'Z', '5', ' ', '\t', '\u00a0', '\u0085', '\u2028', '!', '+', 'é', 'Ω', 'ß', '中', '٣', 0x1c4, 0x7f, '\u200b', '_', '$', '¼', -1, 0x110000} {
		fmt.Println(r, unicode.IsUpper(r), unicode.IsLower(r), unicode.IsLetter(r), unicode.IsDigit(r), unicode.IsNumber(r),
			unicode.IsSpace(r), unicode.IsPunct(r), unicode.IsSymbol(r), unicode.IsControl(r), unicode.IsPrint(r), unicode.IsGraphic(r),
			unicode.IsTitle(r), unicode.IsMark(r), unicode.ToUpper(r), unicode.ToLower(r), unicode.ToTitle(r))
	}
	s := "öykü\xff中"
	b := []byte(s)
	fmt.Println(utf8.RuneCount(b), utf8.RuneCountInString(s), utf8.Valid(b), utf8.ValidString("ok\uFFFD"), utf8.ValidString(s))
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		fmt.Printf("%q %d|", r, size)
		s = s[:len(s)-size]
	}
	fmt.Println()
	r, n := utf8.DecodeLastRune([]byte("a\xe4\xb8"))
	fmt.Println(r, n)
	r, n = utf8.DecodeLastRuneInString("")
	fmt.Println(r, n, utf8.ValidRune(0xd800), utf8.ValidRune('a'), utf8.RuneStart(0x80), utf8.RuneStart('a'))
	buf := make([]byte, 4)
	fmt.Println(utf8.EncodeRune(buf, '中'), buf, utf8.EncodeRune(buf, -5), buf)
	fmt.Println(utf8.AppendRune([]byte("x"), 'é'), string(utf8.AppendRune(nil, 0x10ffff)))
	fmt.Println(string(strconv.AppendInt([]byte("n="), -42, 10)), string(strconv.AppendUint(nil, 255, 16)), string(strconv.AppendBool([]byte("b:"), true)), string(strconv.AppendQuote(nil, "hi\n")))
	dir, _ := os.MkdirTemp("", "rd")
	for _, n := range []string{"b.txt", "a.txt", "c"} {
		if n == "c" {
			os.Mkdir(dir+"/"+n, 0o755)
		} else {
			os.WriteFile(dir+"/"+n, []byte(n+n), 0o644)
		}
	}
	infos, err := ioutil.ReadDir(dir)
	fmt.Println(len(infos), err)
	for _, fi := range infos {
		fmt.Println(fi.Name(), fi.IsDir(), fi.Size())
	}
	_, err = ioutil.ReadDir(dir + "/nope")
	fmt.Println(err != nil)
	os.RemoveAll(dir)
}
