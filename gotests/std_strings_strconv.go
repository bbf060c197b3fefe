package main

import (
	"fmt"
	"strconv"
	"strings"
)

func main() {
	fmt.Printf("%q\n", strings.SplitN("a,b,c,d", ",", 2))
	fmt.Printf("%q\n", strings.SplitN("a,b,c,d", ",", 0))
	fmt.Printf("%q\n", strings.SplitN("a,b,c,d", ",", -1))
	fmt.Printf("%q\n", strings.SplitN("héllo", "", 3))
	fmt.Printf("%q\n", strings.Split("héllo", ""))
	fmt.Printf("%q\n", strings.SplitAfter("a,b,c", ","))
	fmt.Printf("%q\n", strings.SplitAfterN("a,b,c", ",", 2))
	fmt.Println(strings.LastIndex("go gopher", "go"), strings.IndexByte("golang", 'l'), strings.IndexRune("chicken", 'k'), strings.IndexAny("golang", "ny"), strings.LastIndexAny("golang", "go"))
	fmt.Println(strings.ContainsRune("aardvark", 97), strings.ContainsAny("failure", "ui"), strings.ContainsAny("", ""))
	fmt.Printf("%q %q %q\n", strings.Trim("¡¡¡Hello, Gophers!!!", "!¡"), strings.TrimLeft("xxhixx", "x"), strings.TrimRight("xxhixx", "x"))
	before, after, found := strings.Cut("key=value=x", "=")
	fmt.Println(before, after, found)
	before, after, found = strings.Cut("novalue", "=")
	fmt.Printf("%q %q %v\n", before, after, found)
	fmt.Println(strings.Compare("a", "b"), strings.Compare("b", "a"), strings.Compare("x", "x"))
	for _, s := range []string{"789", "0x1c8", "0b101", "0o17", "017", "1_000", "_1", "-5", "9007199254740991", "4294967296", "", "12a"} {
		u, err := strconv.ParseUint(s, 0, 64)
		i, err2 := strconv.ParseInt(s, 0, 64)
		fmt.Println(s, u, err, i, err2)
	}
	for _, bits := range []int{8, 16, 32} {
		i, err := strconv.ParseInt("300", 10, bits)
		u, err2 := strconv.ParseUint("300", 10, bits)
		j, err3 := strconv.ParseInt("-200", 10, bits)
		fmt.Println(bits, i, err, u, err2, j, err3)
	}
	_, err := strconv.ParseInt("12", 1, 64)
	fmt.Println(err)
	_, err = strconv.ParseInt("ff", 16, 65)
	fmt.Println(err)
	fmt.Println(strconv.ParseInt("ff", 16, 64))
	fmt.Println(strconv.ParseInt("-zz", 36, 64))
	fmt.Println(strconv.Atoi("wat"))
	fmt.Println(strconv.Atoi("+42"))
	fmt.Println(strconv.ParseBool("True"))
	fmt.Println(strconv.ParseBool("yes"))
	fmt.Println(strconv.FormatBool(true), strconv.FormatUint(255, 16))
}
