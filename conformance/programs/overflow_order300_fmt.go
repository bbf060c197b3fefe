// Behaviour: the same 300-goroutine overflow/fairness order as overflow_order300, in the form most people
// write it: every goroutine calls fmt.Println(i) itself and main waits with sync.WaitGroup.
// Spec: §20 item 2, §21.3.
// Each fmt.Println is a write(2) through entersyscall/exitsyscall; the fast exitsyscall path keeps the P, so
// the order is the same as with a silent slice: `299, 127…243, 0, 244…254, 256…298, 1…126, 255`
// (sometimes `127…242, 0, 243…254`). stdout is the 300 numbers, one per line.
//
// conformance: variant=gomaxprocs1 GOMAXPROCS=1 runs=15 timeout=5s
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 300; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			fmt.Println(i)
		}(i)
	}
	wg.Wait()
}
