package main

import (
	"errors"
	"fmt"
)

type Shape interface {
	Area() float64
	Name() string
}

type Square struct{ S float64 }
type Circle struct{ R float64 }

func (s Square) Area() float64  { return s.S * s.S }
func (s Square) Name() string    { return "square" }
func (c *Circle) Area() float64 { return 3 * c.R * c.R }
func (c *Circle) Name() string   { return "circle" }

type MyErr struct{ Code int }

func (e *MyErr) Error() string { return fmt.Sprintf("code %d", e.Code) }

func find(i int) error {
	if i == 0 {
		return nil
	}
	if i == 1 {
		return errors.New("plain error")
	}
	return &MyErr{i}
}

func describe(x interface{}) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int:
		return fmt.Sprintf("int %d", v)
	case string:
		return "string " + v
	case Shape:
		return "shape " + v.Name()
	case error:
		return "error " + v.Error()
	default:
		return fmt.Sprintf("other %T", v)
	}
}

func main() {
	shapes := []Shape{Square{2}, &Circle{1}}
	total := 0.0
	for _, s := range shapes {
		total += s.Area()
		fmt.Println(s.Name(), s.Area())
	}
	fmt.Println("total", total)
	for i := 0; i < 3; i++ {
		err := find(i)
		if err != nil {
			fmt.Println("err:", err)
		} else {
			fmt.Println("ok")
		}
	}
	fmt.Println(describe(nil), describe(3), describe("x"), describe(Square{1}), describe(find(2)), describe(2.5))
	var s Shape = Square{3}
	if sq, ok := s.(Square); ok {
		fmt.Println("is square", sq.S)
	}
	_, ok := s.(*Circle)
	fmt.Println(ok)
	var e error = &MyErr{7}
	if me, ok := e.(*MyErr); ok {
		fmt.Println(me.Code)
	}
}
