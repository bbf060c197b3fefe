package main

var 1 = 2

func main() {
}
