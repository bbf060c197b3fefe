// Package flag: parsing (-x, --x, -x=v, -x v, bool flags, --, the first non-flag), every value kind
// and its errors (parse error, value out of range, missing argument, bad syntax, undefined flag, -h),
// PrintDefaults' layout (`name` in back quotes, one-letter bool flags on one line, defaults), a custom
// Usage, Set, redefinition, and ExitOnError's exit status 2 with the usage on stderr.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"
)

func try(fs *flag.FlagSet, args ...string) {
	err := fs.Parse(args)
	fmt.Printf("%q -> err=%v args=%q nflag=%d\n", args, err, fs.Args(), fs.NFlag())
}

func main() {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	v := fs.Bool("v", false, "verbose")
	n := fs.Int("n", 3, "number of `items`")
	big := fs.Int64("big", -1, "an int64")
	u := fs.Uint("u", 0, "unsigned\nwith a second line")
	u64 := fs.Uint64("u64", 7, "a uint64")
	name := fs.String("name", "world", "who")
	ratio := fs.Float64("ratio", 0.25, "a ratio")
	wait := fs.Duration("wait", 1500*time.Millisecond, "how long")
	var quiet bool
	fs.BoolVar(&quiet, "quiet", true, "no output")
	var level int
	fs.IntVar(&level, "level", 0, "level")
	try(fs)
	try(fs, "-v", "-n", "0x1F", "--name=Go", "-wait", "2m3.5s", "-ratio", "1e3", "x", "-n", "9")
	fmt.Println(*v, *n, *big, *u, *u64, *name, *ratio, *wait, quiet, level)
	try(fs, "-quiet=false", "-level=0b101", "-big", "-9223372036854775808", "-u64", "0o17", "--", "-v")
	fmt.Println(*v, *n, *big, *u64, quiet, level, fs.NArg(), fs.Arg(0), fs.Arg(5))
	try(fs, "-n", "1_000", "-u", "1_0")
	fmt.Println(*n, *u)
	for _, bad := range [][]string{
		{"-n", "abc"}, {"-u", "-1"}, {"-n"}, {"---n"}, {"-="}, {"-nope"},
		{"-v=maybe"}, {"-wait", "5"}, {"-wait", "3x"}, {"-ratio", "1e400"}, {"-n", "_1"},
	} {
		try(fs, bad...)
		// flag.go stores what strconv returned even on an error: 0, or the clamped bound
		fmt.Println(*v, *n, *u, *ratio, *wait)
	}
	try(fs, "-n", "9223372036854775808")
	fmt.Println(*n == 9223372036854775807)
	try(fs, "-help")
	e1 := fs.Set("n", "42")
	fmt.Println(e1, *n)
	e2 := fs.Set("n", "x")
	fmt.Println(e2, *n)
	e3 := fs.Set("zzz", "1")
	fmt.Println(e3, fs.Parsed())
	fs.Usage = func() { fmt.Fprintln(os.Stderr, "usage of demo: see the docs") }
	try(fs, "-h")
	fs.PrintDefaults()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		fs.Int("n", 1, "again")
	}()
	for _, s := range []string{"1h2m3.5s", "-1.5h", "1µs", "1μs", ".5s", "1.s", "0", "", "5", "3x", "1e3s", "+2ms300ns"} {
		d, err := time.ParseDuration(s)
		fmt.Println(d, err)
	}
	flag.Parse()
	fmt.Println(flag.NArg(), flag.Parsed())
	exit := flag.NewFlagSet("tool", flag.ExitOnError)
	exit.String("mode", "", "the `mode` to run in")
	exit.Parse([]string{"-mode"})
	fmt.Println("not reached")
}
