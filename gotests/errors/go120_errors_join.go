// errors.Join is Go 1.20's: go1.19 says undefined (at the member's name), go1.26 runs the program:
// a *errors.joinError whose message joins the non-nil errors with newlines, which errors.Is walks as
// a tree, as it walks a type's own Unwrap() []error and fmt.Errorf's several %w (*fmt.wrapErrors).
package main

import (
	"errors"
	"fmt"
)

var A = errors.New("a")
var B = errors.New("b")

type multi struct{ errs []error }

func (m multi) Error() string   { return "multi" }
func (m multi) Unwrap() []error { return m.errs }

func main() {
	j := errors.Join(A, nil, B)
	fmt.Printf("%v|%T|%q\n", j, j, j.Error())
	fmt.Println(errors.Is(j, B), errors.Unwrap(j), j.(interface{ Unwrap() []error }).Unwrap())
	e := fmt.Errorf("x: %w, y: %w", B, A)
	fmt.Printf("%T %v %v %v\n", e, e, errors.Is(e, A), errors.Is(e, B))
	fmt.Println(errors.Is(multi{[]error{A, B}}, B), errors.Is(multi{}, A))
	var m multi
	fmt.Println(errors.As(fmt.Errorf("w: %w", multi{[]error{A}}), &m), len(m.errs))
}
