package main

// strconv.Unquote (double-quoted with every escape, raw with carriage returns dropped, one rune in
// single quotes; \x and octal escapes are bytes even there; '' is valid; ErrSyntax otherwise),
// QuoteToASCII, QuoteRune, QuoteRuneToASCII; math/rand's Rand.Float32 and Float32 for a seed.

import (
	"fmt"
	"math/rand"
	"strconv"
)

func main() {
	for _, s := range []string{`"a\nb"`, "`raw\\n`", `'x'`, `'\u00e9'`, `"\x41\101\u00e9\U0001F600"`, `"bad`, `'ab'`, `"a"b"`, `"\q"`, `''`, `"é"`, `'\''`, `"\'"`, "\"a\nb\"", `'\xff'`, `"\xff"`, "`a\rb`"} {
		u, err := strconv.Unquote(s)
		fmt.Printf("%q %v\n", u, err)
	}
	fmt.Println(strconv.QuoteToASCII("héllo\n☺"), strconv.QuoteRune('☺'), strconv.QuoteRuneToASCII('☺'), strconv.QuoteRune('\n'), strconv.ErrSyntax)
	r := rand.New(rand.NewSource(7))
	fmt.Println(r.Float32(), r.Float32(), r.Float64())
	rand.Seed(3)
	fmt.Println(rand.Float32())
}
