package main

import (
	"fmt"
	"time"
)

func main() {
	a := make(chan int)
	b := make(chan string)
	go func() {
		time.Sleep(10 * time.Millisecond)
		a <- 1
	}()
	go func() {
		time.Sleep(80 * time.Millisecond)
		b <- "two"
	}()
	for i := 0; i < 2; i++ {
		select {
		case v := <-a:
			fmt.Println("a", v)
		case s := <-b:
			fmt.Println("b", s)
		}
	}
	select {
	case v := <-a:
		fmt.Println("unexpected", v)
	default:
		fmt.Println("default")
	}
	timeout := time.After(5 * time.Millisecond)
	select {
	case <-a:
	case <-timeout:
		fmt.Println("timeout")
	}
}
