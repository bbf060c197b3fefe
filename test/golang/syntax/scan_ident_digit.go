package main

func main() {
	١x := 1
	println(١x)
}
