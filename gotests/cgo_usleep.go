// gmpsim: GOMAXPROCS=1
package main

// #include <unistd.h>
import "C"

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			C.usleep(10000)
		}()
	}
	wg.Wait()
	fmt.Println("cgo calls done")
}
