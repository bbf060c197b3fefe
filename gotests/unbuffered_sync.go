// gmpsim: GOMAXPROCS=1
package main

import "fmt"

func main() {
	done := make(chan struct{})
	data := make(chan int)
	go func() {
		for v := range data {
			fmt.Println("got", v)
		}
		close(done)
	}()
	for i := 0; i < 3; i++ {
		data <- i
		fmt.Println("sent", i)
	}
	close(data)
	<-done
}
