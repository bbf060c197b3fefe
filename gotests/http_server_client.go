// A net/http server and its client in one program: HandleFunc on DefaultServeMux, a 404, a POST with a
// body, request and response headers, a JSON body both ways (encoding/json), a redirect, keep-alive (the
// second request arrives on the first one's connection: same RemoteAddr), Shutdown (Serve returns
// ErrServerClosed, a later request is refused). Only deterministic things are printed: no Date header,
// no ports.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"sort"
	"strings"
)

type item struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

func main() {
	var remotes []string
	http.HandleFunc("/hello", func(w http.ResponseWriter, r *http.Request) {
		remotes = append(remotes, r.RemoteAddr)
		fmt.Fprintf(w, "hello, %s (%s %s %s)\n", r.URL.Query().Get("name"), r.Method, r.URL.Path, r.Proto)
	})
	http.HandleFunc("/headers", func(w http.ResponseWriter, r *http.Request) {
		var names []string
		for k := range r.Header {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, k := range names {
			fmt.Fprintf(w, "%s: %s\n", k, strings.Join(r.Header[k], ","))
		}
		fmt.Fprintf(w, "Host set: %v\n", r.Host != "")
		w.Header().Set("X-Served-By", "gmpsim-test")
		w.Header().Add("X-Multi", "a")
		w.Header().Add("X-Multi", "b")
	})
	http.HandleFunc("/echo", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			http.Error(w, "POST only", http.StatusMethodNotAllowed)
			return
		}
		b, err := io.ReadAll(r.Body)
		if err != nil {
			panic(err)
		}
		w.WriteHeader(http.StatusCreated)
		fmt.Fprintf(w, "%d bytes: %s (Content-Type %s, ContentLength %d, form %q)", len(b), b, r.Header.Get("Content-Type"), r.ContentLength, r.FormValue("q"))
	})
	http.HandleFunc("/json", func(w http.ResponseWriter, r *http.Request) {
		var in item
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
			http.Error(w, "bad json: "+err.Error(), http.StatusBadRequest)
			return
		}
		in.Count *= 2
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(in)
	})
	http.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/hello?name=redirected", http.StatusFound)
	})
	http.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "<!DOCTYPE html><html><body>page</body></html>")
	})
	http.HandleFunc("/large", func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i < 100; i++ {
			fmt.Fprintf(w, "line %03d of a response larger than the 2048-byte buffer\n", i)
		}
	})

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	srv := &http.Server{}
	served := make(chan error)
	go func() { served <- srv.Serve(ln) }()
	base := "http://" + ln.Addr().String()

	show := func(resp *http.Response, err error) {
		if err != nil {
			fmt.Println("error:", err)
			return
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			panic(err)
		}
		fmt.Printf("%s | %s | CL=%d TE=%v | Content-Type=%q\n", resp.Status, resp.Proto, resp.ContentLength, resp.TransferEncoding, resp.Header.Get("Content-Type"))
		if len(b) > 120 {
			fmt.Printf("  body: %d bytes, ends %q\n", len(b), b[len(b)-20:])
		} else {
			fmt.Printf("  body: %q\n", b)
		}
	}

	show(http.Get(base + "/hello?name=gopher"))
	show(http.Get(base + "/hello?name=again"))
	fmt.Println("keep-alive (same client address):", len(remotes) == 2 && remotes[0] == remotes[1])

	show(http.Get(base + "/missing"))
	resp, err := http.Get(base + "/headers")
	if err != nil {
		panic(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Print(string(b))
	fmt.Println("X-Served-By:", resp.Header.Get("X-Served-By"), "X-Multi:", resp.Header.Values("X-Multi"))

	show(http.Post(base+"/echo?q=query", "text/plain", strings.NewReader("ping pong")))
	show(http.Get(base + "/echo"))
	show(http.Post(base+"/json", "application/json", strings.NewReader(`{"name":"gopher","count":21}`)))
	show(http.Post(base+"/json", "application/json", strings.NewReader(`{"name":`)))

	var out item
	resp, err = http.Post(base+"/json", "application/json", strings.NewReader(`{"name":"decoded","count":5}`))
	if err != nil {
		panic(err)
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		panic(err)
	}
	resp.Body.Close()
	fmt.Printf("decoded: %+v\n", out)

	show(http.Get(base + "/old"))
	show(http.Get(base + "/page"))
	show(http.Get(base + "/large"))

	req, err := http.NewRequest(http.MethodHead, base+"/hello", nil)
	if err != nil {
		panic(err)
	}
	show(http.DefaultClient.Do(req))

	client := &http.Client{}
	req, _ = http.NewRequest("PUT", base+"/echo", strings.NewReader("x"))
	show(client.Do(req))
	_, err = http.NewRequest("bad method", base, nil)
	fmt.Println("NewRequest:", err)
	_, err = http.Get("ftp://example.com/")
	fmt.Println("Get:", err)

	if err := srv.Shutdown(context.Background()); err != nil {
		panic(err)
	}
	fmt.Println("Serve returned:", <-served)
	_, err = http.Get(base + "/hello")
	fmt.Println("after Shutdown, a request fails:", err != nil)
	fmt.Println(http.StatusText(http.StatusTeapot), http.StatusText(999) == "", http.ErrServerClosed)
}
