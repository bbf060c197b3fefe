// runtime.Caller: the file and line of the caller's frames; beyond them, ok is false.
package main

import (
	"fmt"
	"path/filepath"
	"runtime"
)

func where(skip int) string {
	_, file, line, ok := runtime.Caller(skip)
	return fmt.Sprint(filepath.Base(file), ":", line, " ", ok)
}

func f() string { return where(2) }

func main() {
	fmt.Println(where(0))
	fmt.Println(where(1))
	fmt.Println(f())
	_, _, _, ok := runtime.Caller(1000)
	fmt.Println(ok)
}
