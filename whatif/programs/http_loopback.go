// Shape: an HTTP server on loopback and 8 concurrent clients making 100 requests each (keep-alive):
// network waits (netpoller), short write syscalls, handler goroutines per connection.
package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
)

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sum := 0
		for i := 0; i < 20000; i++ {
			sum += i * i % 7
		}
		fmt.Fprintf(w, "ok %d\n", sum)
	})}
	go srv.Serve(ln)
	url := "http://" + ln.Addr().String() + "/"
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 8}}
	var wg sync.WaitGroup
	for c := 0; c < 8; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				resp, err := client.Get(url)
				if err != nil {
					panic(err)
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		}()
	}
	wg.Wait()
	srv.Close()
}
