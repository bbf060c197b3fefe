package main

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
)

func main() {
	r := regexp.MustCompile(`p([a-z]+)ch`)
	fmt.Println(r.MatchString("peach"), r.FindString("peach punch"), r.FindStringIndex("peach punch"))
	fmt.Println(r.FindStringSubmatch("peach punch"), r.FindStringSubmatchIndex("peach punch"))
	fmt.Println(r.FindAllString("peach punch pinch", -1), r.FindAllString("peach punch pinch", 2))
	fmt.Println(r.FindAllStringSubmatchIndex("peach punch pinch", -1), r.FindAllStringSubmatch("peach punch", -1))
	fmt.Println(r.Match([]byte("peach")), r, r.NumSubexp())
	fmt.Println(r.ReplaceAllString("a peach", "<$1>"), r.ReplaceAllString("a peach", "$1x|${1}x|$$"))
	fmt.Println(string(r.ReplaceAllFunc([]byte("a peach"), bytes.ToUpper)), r.ReplaceAllStringFunc("punch pinch", strings.ToUpper))
	fmt.Println(r.ReplaceAllLiteralString("a peach", "$1"))
	fmt.Printf("%q\n", r.FindString("nothing"))
	fmt.Println(r.FindStringSubmatch("nothing") == nil, r.FindAllString("x", -1) == nil)
	e := regexp.MustCompile(`a*`)
	fmt.Printf("%q %q\n", e.FindAllString("baaab", -1), e.ReplaceAllString("baaab", "-"))
	fmt.Printf("%q\n", e.FindAllStringIndex("abc", -1))
	n := regexp.MustCompile(`(?P<first>\w+)\s+(?P<last>\w+)`)
	fmt.Println(n.SubexpNames(), n.SubexpIndex("last"), n.ReplaceAllString("John Smith", "${last}, $first"))
	fmt.Println(regexp.MustCompile(`(?i)hello`).MatchString("HeLLo"), regexp.MustCompile(`^\d{3}-\d{4}$`).MatchString("555-1234"))
	fmt.Printf("%q\n", regexp.MustCompile(`\s+`).Split("a b  c\td", -1))
	fmt.Printf("%q\n", regexp.MustCompile(`,`).Split("a,b,c", 2))
	fmt.Printf("%q\n", regexp.MustCompile(`[[:alpha:]]+`).FindAllString("ab12cd", -1))
	fmt.Printf("%q\n", regexp.MustCompile(`.`).FindAllString("héllo", -1))
	fmt.Printf("%q\n", regexp.MustCompile(`(a)|(b)`).FindStringSubmatch("b"))
	fmt.Println(regexp.MustCompile(`(a)|(b)`).FindStringSubmatchIndex("b"))
	fmt.Println(regexp.QuoteMeta("1.5+2=$x"))
	for _, bad := range []string{`a(b`, `a)b`, `*a`, `[a`, `a**`, `\1`, `(?=x)`, `\x`} {
		_, err := regexp.Compile(bad)
		fmt.Println(err)
	}
	ok, err := regexp.MatchString(`^[a-z]+\[[0-9]+\]$`, "adam[23]")
	fmt.Println(ok, err)
	defer func() { fmt.Println("recovered:", recover()) }()
	regexp.MustCompile(`a(`)
}
