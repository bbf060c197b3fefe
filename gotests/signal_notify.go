package main

import (
	"fmt"
	"os"
	"os/signal"
	"time"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	select {
	case s := <-c:
		fmt.Println("signal", s)
	case <-time.After(20 * time.Millisecond):
		fmt.Println("no signal")
	}
}
