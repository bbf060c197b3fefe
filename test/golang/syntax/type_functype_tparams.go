package main

var f func[T any]()

func main() {
	_ = f
}
