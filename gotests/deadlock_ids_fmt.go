// With package os linked (through fmt) the finalizer goroutine exists: user goroutine ids shift by one.
package main

import "fmt"

func main() {
	c := make(chan int)
	go func() {
		<-c
	}()
	fmt.Println("blocking")
	<-c
}
