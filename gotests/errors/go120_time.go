// time.DateTime, DateOnly, TimeOnly and Time.Compare are Go 1.20's: go1.19 says undefined, go1.26 runs it.
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	fmt.Println(t.Format(time.DateTime))
	before := t.Compare(t.Add(time.Second))
	fmt.Println(before, t.Add(time.Second).After(t))
}
