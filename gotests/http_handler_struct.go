// A Handler of the program's own type (a struct with ServeHTTP and a mutex-guarded counter) as a
// Server's Handler, served with ListenAndServe on a fixed loopback port by a goroutine, and 4 client
// goroutines each making 5 requests; the client retries until the server listens. Prints only totals.
package main

import (
	"fmt"
	"io"
	"net/http"
	"strconv"
	"sync"
	"time"
)

type counter struct {
	mu    sync.Mutex
	hits  map[string]int
	total int
}

func (c *counter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	c.hits[r.URL.Path]++
	c.total++
	n := c.total
	c.mu.Unlock()
	w.Header().Set("Content-Type", "text/plain")
	w.Header().Set("X-Count", strconv.Itoa(n))
	fmt.Fprintf(w, "path=%s", r.URL.Path)
}

type hello string

func (h hello) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	fmt.Fprint(w, string(h))
}

func main() {
	c := &counter{hits: map[string]int{}}
	mux := http.NewServeMux()
	mux.Handle("/count/", c)
	mux.Handle("/hello", hello("hi from a string type"))
	mux.Handle("/func", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusAccepted)
	}))
	srv := &http.Server{Addr: "127.0.0.1:18091", Handler: mux}
	go func() {
		if err := srv.ListenAndServe(); err != http.ErrServerClosed {
			panic(err)
		}
	}()
	const base = "http://127.0.0.1:18091"
	for {
		resp, err := http.Get(base + "/hello")
		if err == nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			fmt.Printf("%s %q\n", resp.Status, b)
			break
		}
		time.Sleep(time.Millisecond)
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 5; i++ {
				resp, err := http.Get(fmt.Sprintf("%s/count/%d", base, g))
				if err != nil {
					panic(err)
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/plain" {
					panic(resp.Status)
				}
			}
		}(g)
	}
	wg.Wait()
	resp, err := http.Get(base + "/func")
	if err != nil {
		panic(err)
	}
	resp.Body.Close()
	fmt.Println(resp.Status, resp.ContentLength)
	c.mu.Lock()
	fmt.Println("total", c.total, "paths", len(c.hits), "each", c.hits["/count/0"], c.hits["/count/3"])
	c.mu.Unlock()
	srv.Close()
}
