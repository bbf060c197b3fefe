package main

import "fmt"

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

func (d Weekday) String() string {
	return [...]string{"Sun", "Mon", "Tue"}[d]
}

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
	GB
)

const Pi = 3.14159
const Greeting = "hi"

type Color uint8

const (
	Red Color = iota + 1
	Green
	Blue
)

func main() {
	fmt.Println(Sunday, Monday, Tuesday, int(Tuesday))
	fmt.Println(KB, MB, GB)
	fmt.Println(Pi*2, Greeting+"!", Red, Green, Blue)
	fmt.Printf("%v %d %T\n", Monday, Monday, Monday)
	var x float64 = 1 / 2
	var y = 1.0 / 2
	fmt.Println(x, y, 7/2, -7/2, 7%3, -7%3, 1<<3|1, 6&^3)
}
