package main

// sync.OnceFunc, OnceValue and OnceValues (Go 1.21): f runs on the first call only, its results are
// kept, and a panic in f is re-raised by every call (recovered here each time).

import (
	"errors"
	"fmt"
	"sync"
)

func main() {
	calls := 0
	f := sync.OnceFunc(func() { calls++; fmt.Println("OnceFunc body") })
	f()
	f()
	fmt.Println("calls", calls)
	v := sync.OnceValue(func() int { fmt.Println("computing"); return 42 })
	fmt.Println(v(), v())
	vs := sync.OnceValues(func() (string, error) { return "cfg", errors.New("partial") })
	s, err := vs()
	s2, err2 := vs()
	fmt.Println(s, err, s2, err2 == err)
	p := sync.OnceFunc(func() { panic("boom") })
	for i := 0; i < 2; i++ {
		func() {
			defer func() { fmt.Println("recovered", recover()) }()
			p()
		}()
	}
	var wg sync.WaitGroup
	n := sync.OnceValue(func() int { fmt.Println("once across goroutines"); return 7 })
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = n()
		}()
	}
	wg.Wait()
	fmt.Println(n())
}
