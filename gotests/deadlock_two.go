package main

import "time"

func main() {
	go func() {
		select {}
	}()
	time.Sleep(time.Millisecond)
	var mu chan int
	<-mu
}
