package main

func main() {
	for i := 0; {
		println(i)
	}
}
