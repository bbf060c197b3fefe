package main

type I interface { m() n() }

func main() {
}
