// gmpsim: GOMAXPROCS=1
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

func worker(ctx context.Context, id int, wg *sync.WaitGroup, out chan<- string) {
	defer wg.Done()
	for i := 0; ; i++ {
		select {
		case <-ctx.Done():
			out <- fmt.Sprintf("worker %d stopped: %v", id, ctx.Err())
			return
		case <-time.After(10 * time.Millisecond):
		}
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	out := make(chan string, 10)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go worker(ctx, i, &wg, out)
	}
	time.Sleep(35 * time.Millisecond)
	cancel()
	wg.Wait()
	close(out)
	n := 0
	for s := range out {
		_ = s
		n++
	}
	fmt.Println("stopped workers:", n, ctx.Err())
	tctx, tcancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer tcancel()
	select {
	case <-tctx.Done():
		fmt.Println("timeout:", tctx.Err())
	case <-time.After(time.Second):
		fmt.Println("no timeout")
	}
	vctx := context.WithValue(ctx, "k", 42)
	fmt.Println(vctx.Value("k"), vctx.Value("x"), vctx.Err())
}
