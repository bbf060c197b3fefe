package main

import (
	"fmt"
	"strconv"
	"strings"
)

func main() {
	s := "héllo, 世界"
	fmt.Println(len(s), []rune(s)[1], string([]rune(s)[7:]))
	for i, r := range "aé世" {
		fmt.Println(i, r, string(r))
	}
	fmt.Println(s[0], s[1:3] == "é", strings.ToUpper("abc"), strings.Repeat("ab", 3))
	fmt.Println(strings.Split("a,b,c", ","), strings.Join([]string{"x", "y"}, "-"), strings.Contains(s, "llo"))
	fmt.Println(strings.Fields("  a b   c "), strings.HasPrefix(s, "hé"), strings.Index(s, ","), strings.TrimSpace("  x "))
	n, err := strconv.Atoi("123")
	fmt.Println(n+1, err)
	_, err = strconv.Atoi("12a")
	fmt.Println(err)
	fmt.Println(strconv.Itoa(-45) + "!")
	fmt.Printf("%s|%10s|%-4s|%q\n", "go", "right", "l", 'r')
	x := "abc"
	x += "def"
	fmt.Println(x, x < "abd", x[len(x)-1])
}
