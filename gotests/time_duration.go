package main

import (
	"fmt"
	"time"
)

func main() {
	ds := []time.Duration{0, 1, 1500, 2 * time.Millisecond, 1500 * time.Millisecond, 90 * time.Second, 3*time.Hour + 2*time.Minute + 1*time.Second, 250 * time.Microsecond}
	for _, d := range ds {
		fmt.Println(d, d.String())
	}
	d := 2500 * time.Millisecond
	fmt.Println(d.Seconds(), d.Milliseconds(), int64(d))
	fmt.Printf("%v %d %s\n", d, d, time.Duration(42))
	start := time.Now()
	time.Sleep(30 * time.Millisecond)
	el := time.Since(start)
	fmt.Println(el >= 30*time.Millisecond, el < 40*time.Millisecond)
}
