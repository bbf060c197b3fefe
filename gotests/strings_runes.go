package main

// strings functions that depend on runes, not bytes: TrimSpace and Fields use unicode.IsSpace
// (JS's trim() took the 0xA0 ending "à" for a no-break space and cut it), ToUpper/ToLower/ToTitle
// and Title use the simple case mappings (ß stays, İ lowers to i, ǆ titles to ǅ), Count, Replace and
// Split with an empty separator step by runes; CutPrefix/CutSuffix (Go 1.20 — here through a
// local func, so the program builds on go1.19 too) and NewReplacer (argument order, no overlaps,
// empty old strings at every byte).

import (
	"fmt"
	"os"
	"strings"
)

func main() {
	fmt.Printf("%q %q %q\n", strings.TrimSpace(" voilà "), strings.TrimSpace("\u00a0x\u2003\u0085"), strings.TrimSpace("Р \t"))
	fmt.Printf("%q %q\n", strings.Fields("a\vb\fc\u00a0d\u2003e\u3000"), strings.Fields(" \xa0 "))
	fmt.Println(strings.Count("héllo", ""), strings.Count("aaaa", "aa"), strings.Count("", ""))
	fmt.Printf("%q %q %q\n", strings.ReplaceAll("hé", "", "-"), strings.Replace("aaa", "", "-", 2), strings.Replace("", "", "x", -1))
	fmt.Printf("%q\n", strings.Split("héllo", ""))
	fmt.Println(strings.ToUpper("straße"), strings.ToLower("İSTANBUL"), strings.ToTitle("ǆemal"), strings.Title("ǆemal σοφία"), strings.ToUpper("ǆ"))
	fmt.Println(strings.ToLower("ΣΑΣ"), strings.ToUpper("ﬁ"), strings.ToUpper("\xffa"))
	r := strings.NewReplacer("a", "1", "aa", "2", "b", "", "<", "&lt;")
	fmt.Println(r.Replace("aaab<ba"))
	fmt.Printf("%q %s\n", strings.NewReplacer("", "-").Replace("hé"), strings.NewReplacer("abc", "X", "ab", "Y").Replace("abcab"))
	r.WriteString(os.Stdout, "ab<\n")
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		strings.NewReplacer("odd")
	}()
}
