package main

func main() {
	var c chan int
	_ = <-chan<- int(c)
}
