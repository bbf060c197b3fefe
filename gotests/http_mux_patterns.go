// gmpsim: GODEBUG=httpmuxgo121=0
// ServeMux routing per release: go1.19's rules (exact paths, the longest "/"-suffixed prefix, the
// /tree → /tree/ and path-cleaning redirects; "GET /x" is a host pattern there) and, on go1.26 with
// httpmuxgo121=0 (a module's default from go 1.22 on; GOPATH builds default to 1), Go 1.22's method
// and wildcard patterns: methods, {name}, {name...}, {$}, 405 with Allow, the most specific pattern.
package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
)

func main() {
	mux := http.NewServeMux()
	reg := func(pattern string) {
		mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, "%s", pattern)
		})
	}
	for _, p := range []string{"/", "/hello", "/static/", "/static/img/", "/tree/", "GET /items/{id}", "POST /items/", "/files/{path...}", "/exact/{$}", "DELETE /items/{id}"} {
		reg(p)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	go http.Serve(ln, mux)
	base := "http://" + ln.Addr().String()
	client := &http.Client{CheckRedirect: func(req *http.Request, via []*http.Request) error {
		return http.ErrUseLastResponse
	}}
	for _, c := range []struct{ method, path string }{
		{"GET", "/"}, {"GET", "/hello"}, {"GET", "/hello/"}, {"GET", "/nothing"},
		{"GET", "/static/css/x.css"}, {"GET", "/static/img/a.png"}, {"GET", "/static"},
		{"GET", "/tree"}, {"GET", "/a/../hello"},
		{"GET", "/items/42"}, {"HEAD", "/items/42"}, {"POST", "/items/42"}, {"PUT", "/items/42"}, {"DELETE", "/items/7"},
		{"GET", "/files/a/b/c.txt"}, {"GET", "/exact/"}, {"GET", "/exact/more"},
	} {
		req, err := http.NewRequest(c.method, base+c.path, nil)
		if err != nil {
			panic(err)
		}
		resp, err := client.Do(req)
		if err != nil {
			panic(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		extra := ""
		if loc := resp.Header.Get("Location"); loc != "" {
			extra += " Location=" + loc
		}
		if allow := resp.Header.Get("Allow"); allow != "" {
			extra += " Allow=" + allow
		}
		fmt.Printf("%-6s %-20s → %s %q%s\n", c.method, c.path, resp.Status, strings.TrimSpace(string(b)), extra)
	}
}
