package main

import (
	"errors"
	"fmt"
)

func a() (r int) {
	defer func() { r *= 2 }()
	return 21
}

func safeDiv(x, y int) (q int, err error) {
	defer func() {
		if e := recover(); e != nil {
			err = fmt.Errorf("recovered: %v", e)
		}
	}()
	q = x / y
	return
}

func order() {
	for i := 0; i < 3; i++ {
		defer fmt.Println("defer", i)
	}
	fmt.Println("body")
}

func panicky() {
	defer fmt.Println("deferred in panicky")
	panic(errors.New("boom"))
}

func main() {
	fmt.Println(a())
	fmt.Println(safeDiv(7, 2))
	fmt.Println(safeDiv(1, 0))
	order()
	func() {
		defer func() {
			r := recover()
			fmt.Println("recovered:", r)
		}()
		panicky()
	}()
	func() {
		defer func() { fmt.Println("recover again:", recover()) }()
		var m map[string]int
		m["x"] = 1
	}()
	func() {
		defer func() { fmt.Println(recover()) }()
		s := []int{1}
		i := 5
		_ = s[i]
	}()
	fmt.Println("end", recover())
}
