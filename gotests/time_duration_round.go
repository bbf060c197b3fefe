package main

// time.Duration's Round, Truncate and Abs (halfway values round away from zero, a result beyond
// int64 saturates), and Seconds/Minutes/Hours computed as time.go does: whole units plus the
// remainder's fraction (one float division of the nanoseconds rounds differently:
// 1.5083347222222223 vs Go's 1.508334722222222).

import (
	"fmt"
	"math"
	"time"
)

func main() {
	d := 90*time.Minute + 30*time.Second + 5*time.Millisecond
	fmt.Println(d, d.Hours(), d.Minutes(), d.Seconds())
	for _, m := range []time.Duration{0, -1, time.Nanosecond, time.Millisecond, time.Second, time.Minute, time.Hour, 7 * time.Second} {
		fmt.Println(m, d.Round(m), d.Truncate(m), (-d).Round(m), (-d).Truncate(m))
	}
	fmt.Println((1500 * time.Millisecond).Round(time.Second), (-1500 * time.Millisecond).Round(time.Second))
	fmt.Println((2500 * time.Millisecond).Round(time.Second), (1499 * time.Millisecond).Round(time.Second))
	big := time.Duration(math.MaxInt64 - 10)
	fmt.Println(big.Round(time.Hour), time.Duration(math.MinInt64+10).Round(time.Hour))
	fmt.Println(big.Truncate(time.Hour), big.Hours(), big.Seconds())
	fmt.Println((-d).Abs(), d.Abs(), time.Duration(math.MinInt64).Abs())
}
