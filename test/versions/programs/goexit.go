package main

import "runtime"

func main() {
	go func() {}()
	runtime.Goexit()
}
