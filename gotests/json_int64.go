// encoding/json with int64/uint64 values beyond 2^53 (issue 11): exact decoding with range errors
// at the exact bounds, exact encoding.
package main

import (
	"encoding/json"
	"fmt"
)

type T struct {
	A int64
	B uint64
	C int8
}

func main() {
	var t T
	err := json.Unmarshal([]byte(`{"A": -9223372036854775808, "B": 18446744073709551615, "C": 5}`), &t)
	fmt.Println(t, err)
	err = json.Unmarshal([]byte(`{"A": 9223372036854775808}`), &t)
	fmt.Println(t, err)
	err = json.Unmarshal([]byte(`{"B": 18446744073709551616}`), &t)
	fmt.Println(t, err)
	b, _ := json.Marshal(T{A: -1 << 63, B: 1<<64 - 1, C: -1})
	fmt.Println(string(b))
}
