package main

// A type assertion to an interface compares the method's signature, not only its name
// (test/interface/returntype.go of Go's own tests).

import "fmt"

type S struct{ a int }
type T struct{ b string }

func (s *S) Name() int8  { return 1 }
func (t *T) Name() int64 { return 64 }

type I1 interface{ Name() int8 }
type I2 interface{ Name() int64 }
type I3 interface{ Name() int64 }

func kind(x interface{}) string {
	switch x.(type) {
	case I1:
		return "I1"
	case I2:
		return "I2"
	}
	return "none"
}

func main() {
	var i1 I1 = &S{}
	_, ok := i1.(I2)
	fmt.Println(ok)
	var e interface{} = &T{}
	i3, ok := e.(I3)
	fmt.Println(ok, i3.Name())
	fmt.Println(kind(&S{}), kind(&T{}), kind(S{}))
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	fmt.Println(i1.(I2).Name())
}
