package main

import "fmt"

type Point struct {
	X, Y int
}

func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }
func (p *Point) Scale(k int)       { p.X *= k; p.Y *= k }
func (p Point) String() string     { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

type Rect struct {
	Min, Max Point
	Name     string
}

func main() {
	p := Point{1, 2}
	q := Point{X: 10}
	r := p.Add(q)
	r.Scale(3)
	fmt.Println(p, q, r)
	pp := &r
	pp.Scale(2)
	fmt.Println(r.X, pp.Y)
	rect := Rect{Min: p, Max: Point{5, 6}, Name: "box"}
	fmt.Printf("%v %+v\n", rect.Max, rect)
	c := rect
	c.Min.X = 100
	fmt.Println(rect.Min.X, c.Min.X)
	var zero Rect
	fmt.Printf("%+v\n", zero)
	ps := []Point{{1, 1}, {2, 2}}
	ps[1].X = 9
	fmt.Println(ps)
	anon := struct {
		A int
		B string
	}{3, "x"}
	fmt.Println(anon)
	fmt.Println(p == Point{1, 2}, p != q)
}
