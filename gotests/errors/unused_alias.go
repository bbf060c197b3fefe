package main

import (
	"fmt"
	o "os"
	"strings"
)

func main() {
	var i interface{} = 1
	switch v := i.(type) {
	case int:
	}
	fmt.Println()
}
