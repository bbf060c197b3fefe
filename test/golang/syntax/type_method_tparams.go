package main

type T int

func (t T) m[P any]() {}

func main() {
}
