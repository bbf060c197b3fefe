// Behaviour: the same 300-goroutine overflow/fairness order as overflow_order300, in the form most people
// write it: every goroutine calls fmt.Println(i) itself; main waits with sync.WaitGroup (WAIT=wg) or with
// time.Sleep(200ms) (WAIT=sleep).
// Spec: §20 item 2, §21.3.
// Each fmt.Println is a write(2) through entersyscall/exitsyscall; the fast exitsyscall path keeps the P, so
// the order is the same as with a silent slice: `299, 127…243, 0, 244…254, 256…298, 1…126, 255`
// (sometimes `127…242, 0, 243…254`). stdout is the 300 numbers, one per line.
//
// conformance: variant=wg GOMAXPROCS=1 WAIT=wg runs=15 timeout=5s expect=0
// conformance: variant=sleep GOMAXPROCS=1 WAIT=sleep runs=9 timeout=5s expect=0
package main

import (
	"fmt"
	"os"
	"sync"
	"time"
)

func main() {
	if os.Getenv("WAIT") == "sleep" {
		for i := 0; i < 300; i++ {
			go func(i int) {
				fmt.Println(i)
			}(i)
		}
		time.Sleep(200 * time.Millisecond)
		return
	}
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
