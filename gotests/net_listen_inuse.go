// A second Listen on an address in use fails as Go's does (bind: address already in use), for net.Listen and
// http.ListenAndServe; after Close the address can be listened on again.
package main

import (
	"fmt"
	"net"
	"net/http"
)

func main() {
	l, err := net.Listen("tcp", "127.0.0.1:18099")
	fmt.Println(err)
	_, err = net.Listen("tcp", "127.0.0.1:18099")
	fmt.Println(err)
	fmt.Println(http.ListenAndServe("127.0.0.1:18099", nil))
	l.Close()
	l, err = net.Listen("tcp", "127.0.0.1:18099")
	fmt.Println(err)
}
