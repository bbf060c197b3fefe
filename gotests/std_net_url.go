package main

import (
	"fmt"
	"net"
	"net/url"
)

func main() {
	for _, s := range []string{
		"postgres://user:pass@host.com:5432/path?k=v#f",
		"https://example.com/a%20b/c?x=1&y=2&x=3#frag%21",
		"mailto:joe@example.com",
		"/relative/path?q",
		"http://[::1]:8080/x",
		"http://host:port/",
		"http://a b.com/",
		"%zz",
		":nope",
		"HTTP://Example.COM/?",
		"file:///etc/passwd",
		"http://user@host/p%2Fq",
		"//host/only",
		"a:b/c",
		"http://h/p?a=1;b=2",
	} {
		u, err := url.Parse(s)
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Printf("%q %q %v %q %q %q %q %q %v\n", u.Scheme, u.Opaque, u.User != nil, u.Host, u.Path, u.RawPath, u.RawQuery, u.Fragment, u.ForceQuery)
		fmt.Println(u.String(), u.Hostname(), u.Port(), u.EscapedPath(), u.IsAbs())
		q := u.Query()
		fmt.Println(q, q.Get("x"), q.Has("y"), q.Encode())
		if u.User != nil {
			p, ok := u.User.Password()
			fmt.Println(u.User.Username(), p, ok)
		}
	}
	m, err := url.ParseQuery("a=1&b=%zz&c=x+y&a=2&&d")
	fmt.Println(m, err)
	v := url.Values{}
	v.Set("name", "Ava Smith")
	v.Add("friend", "Jess")
	v.Add("friend", "Sarah & Co")
	v.Del("none")
	fmt.Println(v.Encode(), v.Get("friend"), v.Get("none"))
	fmt.Println(url.QueryEscape("a b/c?d=e&f"), url.PathEscape("a b/c?d"))
	fmt.Println(url.QueryUnescape("a+b%2Fc"))
	fmt.Println(url.QueryUnescape("bad%2"))
	fmt.Println(url.PathUnescape("a+b%20c"))
	u := &url.URL{Scheme: "https", Host: "example.com", Path: "/a b", RawQuery: "x=1"}
	u.User = url.UserPassword("me", "p@ss")
	fmt.Println(u)
	fmt.Println(url.User("solo"))
	for _, hp := range []string{"host.com:5432", "[::1]:80", "nohost", "a:b:c", "[::1]", ":80"} {
		h, p, err := net.SplitHostPort(hp)
		fmt.Printf("%q %q %v\n", h, p, err)
	}
	fmt.Println(net.JoinHostPort("::1", "80"), net.JoinHostPort("h", "1"))
}
