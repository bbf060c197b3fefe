package main

func main() {
	goto L
	{
	L:
		println(1)
	}
}
