// time arithmetic beyond 2^53 ns (issue 11): Add of a year keeps the nanoseconds, Sub saturates at
// the int64 bounds as time.go does, UnixNano/UnixMilli/UnixMicro round trips of a 2024 instant.
package main

import (
	"fmt"
	"time"
)

func main() {
	t0 := time.Date(2023, 3, 1, 12, 0, 0, 5, time.UTC)
	t1 := t0.Add(365 * 24 * time.Hour)
	fmt.Println(t1, t1.Sub(t0), t0.Sub(t1), t1.Sub(t0).Hours())
	t2 := t0.Add(-200 * 24 * time.Hour)
	fmt.Println(t2, t2.Sub(t0))
	u := time.Unix(0, t1.UnixNano()).UTC()
	fmt.Println(u, u.Equal(t1), time.UnixMilli(t1.UnixMilli()).UTC(), time.UnixMicro(t1.UnixMicro()).UTC())
	z := time.Time{}
	fmt.Println(t0.Sub(z), z.Sub(t0))
}
