package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

type QueryErr struct {
	Q   string
	Err error
}

func (e *QueryErr) Error() string { return e.Q + ": " + e.Err.Error() }

func lookup(k string) (int, error) {
	if k == "a" {
		return 1, nil
	}
	return 0, &QueryErr{k, ErrNotFound}
}

func main() {
	if _, err := lookup("b"); err != nil {
		fmt.Println("error:", err)
		if qe, ok := err.(*QueryErr); ok && qe.Err == ErrNotFound {
			fmt.Println("is not found")
		}
	}
	v, err := lookup("a")
	fmt.Println(v, err == nil)
	e := fmt.Errorf("wrapped: %v", ErrNotFound)
	fmt.Println(e)
	fmt.Printf("%v|%s\n", ErrNotFound, ErrNotFound)
}
