package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	r, w, err := os.Pipe()
	if err != nil {
		fmt.Println(err)
		return
	}
	go func() {
		for i := 0; i < 3; i++ {
			fmt.Fprintf(w, "line %d\n", i)
		}
		w.Close()
	}()
	data, err := io.ReadAll(r)
	fmt.Print(string(data))
	fmt.Println(err)
}
