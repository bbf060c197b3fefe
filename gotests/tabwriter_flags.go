package main

// text/tabwriter's elastic tabstops: column blocks, padding with spaces, dots or tabs, and every
// flag (AlignRight, Debug, DiscardEmptyColumns, TabIndent, FilterHTML, StripEscape), Escape,
// '\v' and '\f', multi-byte runes, written to a bytes.Buffer (shown quoted) and to os.Stdout.

import (
	"bytes"
	"fmt"
	"os"
	"text/tabwriter"
)

const table = "name\tqty\tprice\n" +
	"apple\t3\t1.25\n" +
	"watermelon\t12\t3.5\n" +
	"\n" +
	"kiwi\t\t0.5\n" +
	"x\ty\n" +
	"héllo wörld\tñ\t€\n" +
	"no tabs here\n" +
	"a\tb\vc\td\n" +
	"tail without newline\t1"

func show(name string, minwidth, tabwidth, padding int, padchar byte, flags uint, text string) {
	var b bytes.Buffer
	w := tabwriter.NewWriter(&b, minwidth, tabwidth, padding, padchar, flags)
	n, err := fmt.Fprint(w, text)
	fmt.Println(name, n, err, b.Len())
	err = w.Flush()
	fmt.Printf("%q %v\n", b.String(), err)
}

func main() {
	show("plain", 0, 8, 1, ' ', 0, table)
	show("dots", 5, 8, 2, '.', 0, table)
	show("right", 0, 8, 1, ' ', tabwriter.AlignRight, table)
	show("debug", 0, 8, 1, '-', tabwriter.Debug, table)
	show("tabs", 0, 8, 1, '\t', 0, table)
	show("tabs4", 0, 4, 0, '\t', tabwriter.AlignRight, table)
	show("discard", 0, 8, 1, ' ', tabwriter.DiscardEmptyColumns, "a\t\tb\nc\t\td\n")
	show("nodiscard", 0, 8, 1, ' ', 0, "a\t\tb\nc\t\td\n")
	show("tabindent", 0, 8, 1, ' ', tabwriter.TabIndent, "\t\tx\ty\n\t\tlonger\tz\n")
	show("html", 0, 8, 1, ' ', tabwriter.FilterHTML, "<b>bold</b>\t&amp;\tz\nab\tc\td\n")
	show("escape", 0, 8, 1, ' ', 0, "\xffa\tb\xff\tc\nd\te\n")
	show("strip", 0, 8, 1, ' ', tabwriter.StripEscape, "\xffa\tb\xff\tc\nd\te\n")
	show("formfeed", 0, 8, 1, ' ', tabwriter.Debug, "a\tb\fcc\tdd\nlonger\tx\n")
	show("zero-tabwidth", 0, 0, 1, '\t', 0, "a\tb\nccc\td\n")

	// to os.Stdout: written when a line without tabs ends, at '\f' and at Flush
	w := new(tabwriter.Writer).Init(os.Stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintf(w, "%s\t%s\t%s\n", "Go", "1.26", "tabwriter")
	fmt.Fprintf(w, "%s\t%s\t%s\n", "Title", "Version", "Package")
	fmt.Fprintln(w, "----")
	fmt.Fprintf(w, "%d\t%d\t\n", 1, 22)
	fmt.Fprintf(w, "%d\t%d\t\n", 333, 4444)
	w.Flush()
	w.Init(os.Stdout, 10, 8, 0, '*', tabwriter.AlignRight|tabwriter.Debug)
	fmt.Fprint(w, "r1\tv\t\nrow2\tvalue\t\n")
	w.Flush()
	fmt.Println(tabwriter.Escape, tabwriter.FilterHTML, tabwriter.StripEscape, tabwriter.AlignRight, tabwriter.DiscardEmptyColumns, tabwriter.TabIndent, tabwriter.Debug)
}
