package main

// A panic's value printed as Go's preprintpanics does: an error's Error(), a Stringer's String()
// — also for a type whose underlying type is basic (a named string or integer with a String
// method, time.Duration) —, a named basic type without methods as main.T(v). The last panic is
// not recovered: its value is printed on stderr and the program exits with status 2.

import (
	"fmt"
	"time"
)

type Level int

func (l Level) String() string { return [...]string{"debug", "info"}[l] }

type Code string

func (c Code) String() string { return "code:" + string(c) }

type Plain int

func try(v any) {
	defer func() { fmt.Println("recovered:", recover()) }()
	panic(v)
}

func main() {
	try(Level(1))
	try(Plain(4))
	try(2 * time.Second)
	defer fmt.Println("deferred runs before the crash")
	panic(Code("E42"))
}
