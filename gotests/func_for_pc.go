// runtime.FuncForPC of a declared function's reflect Pointer(): its name, and the file:line of its
// entry (the func line), as test/inline_literal.go reads them.
package main

import (
	"fmt"
	"path/filepath"
	"reflect"
	"runtime"
)

func hello() string {
	return "hello"
}

type T struct{}

func (T) M() {}

func main() {
	pc := reflect.ValueOf(hello).Pointer()
	f := runtime.FuncForPC(pc)
	file, line := f.FileLine(f.Entry())
	// the entry's line: the func line, or its first statement's when gc omits the prologue
	fmt.Println(f.Name(), filepath.Base(file), line >= 12 && line <= 13, f.Entry() == pc, runtime.FuncForPC(pc) == f)
	g := runtime.FuncForPC(reflect.ValueOf(main).Pointer())
	fmt.Println(g.Name(), g != f)
}
