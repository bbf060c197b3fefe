package main

import (
	"fmt"
	"os"
)

type P struct {
	Name string
	Age  int
	Tags []string
}

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

func main() {
	p := P{"ann", 30, []string{"a", "b"}}
	pp := &p
	fmt.Printf("%v|%+v\n", p, p)
	fmt.Println(pp.Name, *pp)
	fmt.Printf("%v\n", pp)
	fmt.Printf("[%6.2f] [%-8s] [%8s] [%x] [%X] [%08b] [%o] [%#x]\n", 3.14159, "ab", "cd", "hi", 254, 5, 8, 255)
	fmt.Printf("%d %v %s\n", []int{1, 2}, map[string]int{"b": 2, "a": 1}, []string{"x", "y"})
	fmt.Printf("%t %v %q %v\n", true, 'a', []string{"q"}, [2]bool{true, false})
	fmt.Printf("%v %s %d\n", Temp(21.5), Temp(-3), 42)
	fmt.Printf("%5.1f%%\n", 99.5)
	fmt.Printf("%d %s\n", "str", 5)
	fmt.Printf("%d\n")
	fmt.Printf("%d %d\n", 1, 2, 3)
	var e error
	fmt.Println(e, nil)
	fmt.Printf("%v %T\n", e, e)
	s := fmt.Sprint("a", 1, 2, "b", "c", 3.5)
	fmt.Println(s, len(s))
	fmt.Fprintf(os.Stdout, "to %s\n", "stdout")
	fmt.Println(1e6, 1e21, 0.000001, 123456789.0, float32(0.1), 2.0/3)
	var ip *int
	fmt.Println(ip == nil, []int(nil), map[int]int(nil))
}
