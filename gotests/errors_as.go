package main

// errors.Is, As and Unwrap over a program's own error types (their Unwrap() error, Is(error) bool
// and As(any) bool methods), errors.As into a pointer, a struct and an interface, As's panics, and
// fmt.Errorf's result types: *errors.errorString without %w, *fmt.wrapError with one. Several %w
// differ by release: go1.19 wraps nothing and prints %!w(…) for the second, go1.20+ wraps them all
// (*fmt.wrapErrors). Printf's %w is a bad verb, printed without the operand's Error method.

import (
	"errors"
	"fmt"
	"io"
)

var ErrBase = errors.New("base")

type WrapErr struct {
	Op  string
	Err error
}

func (w *WrapErr) Error() string { return w.Op + ": " + w.Err.Error() }
func (w *WrapErr) Unwrap() error { return w.Err }

type CodeErr struct{ Code int }

func (c CodeErr) Error() string { return fmt.Sprintf("code %d", c.Code) }
func (c CodeErr) Is(target error) bool {
	t, ok := target.(CodeErr)
	return ok && (t.Code == 0 || t.Code == c.Code)
}

type Temporary interface{ Temporary() bool }
type tempErr struct{}

func (tempErr) Error() string   { return "temp" }
func (tempErr) Temporary() bool { return true }

type asErr struct{}

func (asErr) Error() string { return "asErr" }
func (asErr) As(target any) bool {
	if p, ok := target.(*CodeErr); ok {
		*p = CodeErr{99}
		return true
	}
	return false
}

type sliceErr []int

func (sliceErr) Error() string { return "slice" }

func try(name string, f func()) {
	defer func() { fmt.Println(name, "recovered:", recover()) }()
	f()
}

func main() {
	e1 := &WrapErr{"read", ErrBase}
	e2 := fmt.Errorf("layer: %w", e1)
	fmt.Println(e2, errors.Is(e2, ErrBase), errors.Is(e1, ErrBase), errors.Is(e2, io.EOF))
	fmt.Println(errors.Unwrap(e1) == ErrBase, errors.Unwrap(e2) == e1, errors.Unwrap(ErrBase))
	var we *WrapErr
	fmt.Println(errors.As(e2, &we), we.Op, we == e1)
	var ce CodeErr
	e3 := fmt.Errorf("wrap: %w", CodeErr{42})
	fmt.Println(errors.As(e3, &ce), ce.Code)
	fmt.Println(errors.Is(e3, CodeErr{}), errors.Is(e3, CodeErr{42}), errors.Is(e3, CodeErr{7}))
	var tmp Temporary
	fmt.Println(errors.As(&WrapErr{"x", tempErr{}}, &tmp), tmp != nil && tmp.Temporary())
	fmt.Println(errors.As(ErrBase, &we), errors.As(nil, &we))
	fmt.Println(errors.As(fmt.Errorf("via As: %w", asErr{}), &ce), ce.Code)
	fmt.Println(errors.Is(sliceErr{1}, sliceErr{1}), errors.Is(nil, nil), errors.Is(nil, ErrBase), errors.Is(ErrBase, nil))
	fmt.Printf("%T %T %T %T\n", e1, e2, ErrBase, fmt.Errorf("plain %d", 1))
	e5 := fmt.Errorf("two: %w and %w", ErrBase, io.EOF)
	fmt.Printf("%T %v %v %v\n", e5, e5, errors.Is(e5, ErrBase), errors.Is(e5, io.EOF))
	e6 := fmt.Errorf("not an error: %w", 5)
	fmt.Printf("%T %v %v\n", e6, e6, errors.Unwrap(e6))
	fmt.Printf("%w|%v\n", CodeErr{1}, fmt.Errorf("nil: %w", nil))
	try("nil target", func() { errors.As(ErrBase, nil) })
	try("non-pointer", func() { errors.As(ErrBase, we) })
	try("not an error", func() { var s string; errors.As(ErrBase, &s) })
}
