package main

func main() {
	println("builtin println", 42, true)
	print("no newline ", 7, "\n")
	println(3.5, -1)
}
