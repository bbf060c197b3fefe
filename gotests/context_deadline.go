package main

// context.Context's Deadline: none for Background and WithCancel, now+timeout for WithTimeout,
// the time given to WithDeadline, inherited by children (WithCancel, WithValue), and a child's
// later deadline does not extend its parent's earlier one; a context made under a WithValue context
// is cancelled with the WithValue context's parent (c4, one hour, ends with c2 at 50 ms).

import (
	"context"
	"fmt"
	"time"
)

func main() {
	bg := context.Background()
	d, ok := bg.Deadline()
	fmt.Println(d.IsZero(), ok)
	c1, cancel1 := context.WithCancel(bg)
	defer cancel1()
	_, ok = c1.Deadline()
	fmt.Println(ok)
	start := time.Now()
	c2, cancel2 := context.WithTimeout(c1, 50*time.Millisecond)
	defer cancel2()
	d2, ok := c2.Deadline()
	fmt.Println(ok, d2.Sub(start) >= 50*time.Millisecond, d2.Sub(start) < 60*time.Millisecond)
	c3 := context.WithValue(c2, "k", 1)
	d3, ok := c3.Deadline()
	fmt.Println(ok, d3.Equal(d2))
	c4, cancel4 := context.WithTimeout(c3, time.Hour)
	defer cancel4()
	d4, _ := c4.Deadline()
	fmt.Println(d4.Equal(d2))
	at := time.Now().Add(20 * time.Millisecond)
	c5, cancel5 := context.WithDeadline(bg, at)
	defer cancel5()
	d5, ok := c5.Deadline()
	fmt.Println(ok, d5.Sub(at) < time.Millisecond, d5.Sub(at) > -time.Millisecond)
	<-c5.Done()
	fmt.Println(c5.Err(), time.Until(d5) <= 0)
	<-c4.Done()
	fmt.Println(c4.Err(), c2.Err(), c1.Err())
}
