// The bytes on the wire: a raw TCP client sends requests to a net/http server and prints the
// responses (the Date header's value blanked), and a raw TCP server prints what http.Client sends:
// status lines, header order, Content-Length vs chunked, the default User-Agent and Accept-Encoding.
package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
)

var date = regexp.MustCompile(`Date: [^\r]*`)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/small", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-B", "2")
		w.Header().Set("X-A", "1")
		fmt.Fprint(w, "small body")
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, strings.Repeat("0123456789", 300))
	})
	mux.HandleFunc("/empty", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("/html", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "  <html><p>hi</p></html>")
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	go http.Serve(ln, mux)

	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		panic(err)
	}
	br := bufio.NewReader(c)
	for _, path := range []string{"/small", "/big", "/empty", "/html", "/missing"} {
		fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: example.test\r\n\r\n", path)
		var head []string
		length, chunked := 0, false
		for {
			line, err := br.ReadString('\n')
			if err != nil {
				panic(err)
			}
			line = strings.TrimRight(line, "\r\n")
			if line == "" {
				break
			}
			head = append(head, date.ReplaceAllString(line, "Date: <date>"))
			fmt.Sscanf(line, "Content-Length: %d", &length)
			if line == "Transfer-Encoding: chunked" {
				chunked = true
			}
		}
		fmt.Printf("== GET %s\n%s\n", path, strings.Join(head, "\n"))
		if chunked {
			total, chunks := 0, 0
			for {
				var n int
				line, _ := br.ReadString('\n')
				fmt.Sscanf(line, "%x", &n)
				if n == 0 {
					br.ReadString('\n')
					break
				}
				buf := make([]byte, n+2)
				io.ReadFull(br, buf)
				total += n
				chunks++
			}
			fmt.Printf("(chunked body: %d bytes)\n", total)
		} else {
			buf := make([]byte, length)
			io.ReadFull(br, buf)
			fmt.Printf("%q\n", buf)
		}
	}
	c.Close()

	// what the client sends
	raw, err := net.Listen("tcp", "127.0.0.1:18097")
	if err != nil {
		panic(err)
	}
	got := make(chan string, 2)
	go func() {
		conn, err := raw.Accept()
		if err != nil {
			panic(err)
		}
		r := bufio.NewReader(conn)
		for i := 0; i < 2; i++ {
			var lines []string
			for {
				line, err := r.ReadString('\n')
				if err != nil {
					panic(err)
				}
				if line == "\r\n" {
					break
				}
				lines = append(lines, strings.TrimRight(line, "\r\n"))
			}
			n := 0
			for _, l := range lines {
				fmt.Sscanf(l, "Content-Length: %d", &n)
			}
			body := make([]byte, n)
			io.ReadFull(r, body)
			got <- strings.Join(lines, "\n") + "\n" + fmt.Sprintf("%q", body)
			fmt.Fprint(conn, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
		}
	}()
	resp, err := http.Get("http://127.0.0.1:18097/path?q=1")
	if err != nil {
		panic(err)
	}
	fmt.Println(<-got)
	io.ReadAll(resp.Body)
	resp.Body.Close()
	req, _ := http.NewRequest("POST", "http://127.0.0.1:18097/post", strings.NewReader("a=1&b=2"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Custom", "v")
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		panic(err)
	}
	fmt.Println(<-got)
	b, _ := io.ReadAll(resp.Body)
	fmt.Println(resp.Status, string(b))
}
