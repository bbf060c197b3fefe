package main

func f[T]() {}

func main() {
}
