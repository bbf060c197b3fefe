package main

func main() {
	x := '\U00110000'
	println(x)
}
