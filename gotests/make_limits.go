// make's run-time limits: makeslice's len/cap out of range (maxAlloc, negative, len > cap) and
// makechan's size out of range.

package main

import (
	"fmt"
	"strings"
)

func shouldPanic(want string, f func()) {
	defer func() {
		e := recover()
		if e == nil {
			fmt.Println("no panic, want", want)
			return
		}
		s := e.(error).Error()
		fmt.Println(strings.Contains(s, want), s)
	}()
	f()
}

type big [1 << 20]int64

func main() {
	n := 1 << 40
	m := -1
	shouldPanic("len out of range", func() { _ = make([]big, n) })
	shouldPanic("cap out of range", func() { _ = make([]big, 0, n) })
	shouldPanic("len out of range", func() { _ = make([]byte, m) })
	shouldPanic("cap out of range", func() { _ = make([]byte, 10, 5+m) })
	shouldPanic("makechan: size out of range", func() { _ = make(chan [1000]int64, n) })
	shouldPanic("makechan: size out of range", func() { _ = make(chan int, m) })
	s := make([]int, 3, 10)
	fmt.Println(len(s), cap(s), cap(make(chan [1000]int64, 1000)))
}
