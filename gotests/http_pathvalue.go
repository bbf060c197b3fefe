// gmpsim: GODEBUG=httpmuxgo121=0
// Go 1.22's ServeMux wildcards read with Request.PathValue (go1.22+, so recorded on go1.26 only), the
// most specific of overlapping patterns, a 405 with its Allow header, and a handler chained through
// http.StripPrefix.
package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /users/{id}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "user %s", r.PathValue("id"))
	})
	mux.HandleFunc("GET /users/me", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "the current user")
	})
	mux.HandleFunc("POST /users/{id}/posts/{post}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "post %s of user %s, missing=%q", r.PathValue("post"), r.PathValue("id"), r.PathValue("nope"))
	})
	mux.HandleFunc("/docs/{rest...}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "docs %q", r.PathValue("rest"))
	})
	mux.Handle("/api/", http.StripPrefix("/api", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "api sees %s", r.URL.Path)
	})))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)
	base := "http://" + ln.Addr().String()
	for _, c := range []struct{ method, path string }{
		{"GET", "/users/42"}, {"GET", "/users/me"}, {"DELETE", "/users/42"}, {"POST", "/users/7/posts/99"},
		{"GET", "/users/7/posts/99"}, {"GET", "/docs/a/b%20c"}, {"GET", "/docs/"}, {"GET", "/api/v1/items"},
	} {
		req, _ := http.NewRequest(c.method, base+c.path, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			panic(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Printf("%s %s → %d %q allow=%q\n", c.method, c.path, resp.StatusCode, b, resp.Header.Get("Allow"))
	}
	srv.Close()
}
