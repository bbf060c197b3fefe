package main

func main() {
	var x []
	_ = x
}
