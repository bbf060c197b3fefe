package main

import (
	"fmt"
	"net"
)

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		return
	}
	done := make(chan bool)
	go func() {
		conn, err := ln.Accept()
		if err != nil {
			fmt.Println(err)
			return
		}
		buf := make([]byte, 64)
		for {
			n, err := conn.Read(buf)
			if err != nil {
				break
			}
			conn.Write(buf[:n])
		}
		conn.Close()
		done <- true
	}()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		fmt.Println(err)
		return
	}
	buf := make([]byte, 64)
	for _, msg := range []string{"hello", "world"} {
		c.Write([]byte(msg))
		n, _ := c.Read(buf)
		fmt.Println("echo:", string(buf[:n]))
	}
	c.Close()
	<-done
	fmt.Println("closed")
}
