package main

func main() {
	s := "héllo wörld" @
	println(s)
}
