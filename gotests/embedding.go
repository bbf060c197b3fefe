package main

import (
	"fmt"
	"sync"
)

type Animal struct{ Name string }

func (a Animal) Speak() string  { return a.Name + " makes a sound" }
func (a *Animal) Rename(n string) { a.Name = n }

type Dog struct {
	Animal
	Breed string
}

type Speaker interface{ Speak() string }

type SafeMap struct {
	sync.Mutex
	m map[string]int
}

func main() {
	d := Dog{Animal{"rex"}, "lab"}
	fmt.Println(d.Speak(), d.Name)
	d.Rename("max")
	fmt.Println(d.Name, d.Animal.Name)
	var s Speaker = d
	fmt.Println(s.Speak())
	sm := SafeMap{m: map[string]int{}}
	sm.Lock()
	sm.m["a"] = 1
	sm.Unlock()
	fmt.Println(sm.m)
}
