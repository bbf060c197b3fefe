package main

// The errors os returns for a path are *fs.PathError (os.PathError is the same type): %T says so,
// errors.As finds one, its Op, Path and Err fields read as Go's, Err unwraps to the syscall.Errno,
// errors.Is matches fs.ErrNotExist; a program can build one itself.

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

func main() {
	_, err := os.Open("/nonexistent/file.txt")
	fmt.Printf("%T %v\n", err, err)
	var pe *fs.PathError
	if errors.As(err, &pe) {
		fmt.Println(pe.Op, pe.Path, pe.Err, pe.Err == syscall.ENOENT, errors.Unwrap(err) == pe.Err)
	}
	fmt.Println(errors.Is(err, fs.ErrNotExist), os.IsNotExist(err))
	var ope *os.PathError = pe
	fmt.Println(ope == pe)
	_, err = os.ReadFile("/")
	fmt.Println(err, errors.As(err, &pe), pe.Op)
	mine := &fs.PathError{Op: "parse", Path: "cfg.toml", Err: errors.New("bad key")}
	var e error = mine
	fmt.Println(e, errors.Unwrap(e))
	fmt.Printf("%+v\n", *mine)
}
